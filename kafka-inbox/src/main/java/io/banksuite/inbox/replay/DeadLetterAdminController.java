package io.banksuite.inbox.replay;

import java.util.List;
import java.util.Map;

import io.banksuite.inbox.replay.DeadLetterReplayer.DeadLetterListing;
import io.banksuite.inbox.replay.DeadLetterReplayer.ReplayFailedException;
import io.banksuite.inbox.replay.DeadLetterReplayer.ReplayInProgressException;
import io.banksuite.inbox.replay.DeadLetterReplayer.ReplayResult;
import org.apache.kafka.common.KafkaException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Operator endpoints of the service's dead-letter topic, added to every consuming service by kafka-inbox's
 * auto-configuration:
 * <ul>
 * <li>{@code GET /api/v1/admin/dead-letters?limit=N}: the oldest parked records not replayed yet, with why they
 * failed; moves nothing.</li>
 * <li>{@code POST /api/v1/admin/dead-letters/replay?max=N}: republishes up to N of them to their original topic;
 * {@code {"replayed": n, "remaining": m}}. Fix the cause first, or they are parked again.</li>
 * </ul>
 * Bad input and failures are RFC 9457 problems (handled here, whatever the service's own error handling). The
 * services bind to 127.0.0.1 by default; put this path behind authentication before exposing it.
 */
@RestController
@RequestMapping(DeadLetterAdminController.PATH)
public class DeadLetterAdminController {

    public static final String PATH = "/api/v1/admin/dead-letters";

    private static final Logger log = LoggerFactory.getLogger(DeadLetterAdminController.class);

    private final DeadLetterReplayer replayer;

    public DeadLetterAdminController(DeadLetterReplayer replayer) {
        this.replayer = replayer;
    }

    @PostMapping("/replay")
    public ReplayResult replay(@RequestParam(required = false) @Nullable Integer max) {
        return replayer.replay(checked("max", max));
    }

    @GetMapping
    public DeadLetterListing list(@RequestParam(required = false) @Nullable Integer limit) {
        return replayer.list(checked("limit", limit));
    }

    private int checked(String name, @Nullable Integer value) {
        int most = replayer.settings().maxPerCall();
        if (value == null) {
            return replayer.settings().defaultMax();
        }
        if (value < 1 || value > most) {
            throw new InvalidParameterException(name, "must be between 1 and " + most);
        }
        return value;
    }

    @ExceptionHandler(InvalidParameterException.class)
    ProblemDetail invalid(InvalidParameterException e) {
        return badRequest(e.name, e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail notANumber(MethodArgumentTypeMismatchException e) {
        return badRequest(e.getName(), "must be a whole number");
    }

    @ExceptionHandler(ReplayInProgressException.class)
    ProblemDetail inProgress(ReplayInProgressException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Replay already running");
        return problem;
    }

    @ExceptionHandler(ReplayFailedException.class)
    ProblemDetail replayFailed(ReplayFailedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setTitle("Dead-letter replay stopped");
        problem.setProperty("replayed", e.replayed());
        return problem;
    }

    @ExceptionHandler(KafkaException.class)
    ProblemDetail kafkaUnavailable(KafkaException e) {
        log.error("Dead-letter topic {} unavailable: {}", replayer.deadLetterTopic(), e.toString(), e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "Cannot read " + replayer.deadLetterTopic() + ": " + e.getMessage());
        problem.setTitle("Kafka unavailable");
        return problem;
    }

    private static ProblemDetail badRequest(String field, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid request: " + field);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return problem;
    }

    /** A query parameter out of range. */
    static class InvalidParameterException extends RuntimeException {

        private final String name;

        InvalidParameterException(String name, String message) {
            super(message);
            this.name = name;
        }
    }
}
