package io.banksuite.runtime.deadletter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * The operator endpoints of a service's dead letters, the same on every service:
 * <ul>
 * <li>{@code GET /api/v1/admin/dead-letters?limit=N}: the oldest parked messages not replayed yet, and why they
 * failed; moves nothing;</li>
 * <li>{@code POST /api/v1/admin/dead-letters/replay?max=N}: sends up to N of them back;
 * {@code {"replayed": n, "remaining": m}}. Fix the cause first, or they are parked again.</li>
 * </ul>
 * A service that parks in several places (notification-worker: one dead-letter queue per work queue) names each by
 * its {@link DeadLetters#location()}: {@code ?source=audit.dlq} chooses one; without it, the first (the service's
 * main one) answers.
 * Bad input and failures are RFC 9457 problems, handled here whatever the service's own error handling. Services
 * bind to 127.0.0.1 by default; put this path behind authentication before exposing it.
 */
@RestController
@RequestMapping(DeadLetterAdminController.PATH)
public class DeadLetterAdminController {

    public static final String PATH = "/api/v1/admin/dead-letters";

    private static final Logger log = LoggerFactory.getLogger(DeadLetterAdminController.class);

    private final Map<String, DeadLetters> bySource = new LinkedHashMap<>();

    /** @param deadLetters the service's dead letters, the main one first; locations must differ */
    public DeadLetterAdminController(List<DeadLetters> deadLetters) {
        if (deadLetters.isEmpty()) {
            throw new IllegalArgumentException("no dead letters to serve");
        }
        for (DeadLetters each : deadLetters) {
            if (bySource.putIfAbsent(each.location(), each) != null) {
                throw new IllegalArgumentException("two dead-letter stores at " + each.location());
            }
        }
    }

    public DeadLetterAdminController(DeadLetters deadLetters) {
        this(List.of(deadLetters));
    }

    @GetMapping
    public DeadLetterListing list(@RequestParam(required = false) @Nullable String source,
                                  @RequestParam(required = false) @Nullable Integer limit) {
        DeadLetters deadLetters = of(source);
        return deadLetters.list(checked(deadLetters, "limit", limit));
    }

    @PostMapping("/replay")
    public ReplayResult replay(@RequestParam(required = false) @Nullable String source,
                               @RequestParam(required = false) @Nullable Integer max) {
        DeadLetters deadLetters = of(source);
        return deadLetters.replay(checked(deadLetters, "max", max));
    }

    private DeadLetters of(@Nullable String source) {
        if (source == null) {
            return bySource.values().iterator().next();
        }
        DeadLetters found = bySource.get(source);
        if (found == null) {
            throw new InvalidParameterException("source", "must be one of " + bySource.keySet());
        }
        return found;
    }

    private static int checked(DeadLetters deadLetters, String name, @Nullable Integer value) {
        ReplayLimits limits = deadLetters.limits();
        if (value == null) {
            return limits.defaultMax();
        }
        if (value < 1 || value > limits.maxPerCall()) {
            throw new InvalidParameterException(name, "must be between 1 and " + limits.maxPerCall());
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
        return problem(HttpStatus.CONFLICT, "Replay already running", e.getMessage());
    }

    @ExceptionHandler(ReplayFailedException.class)
    ProblemDetail replayFailed(ReplayFailedException e) {
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "Dead-letter replay stopped", e.getMessage());
        problem.setProperty("replayed", e.replayed());
        return problem;
    }

    @ExceptionHandler(DeadLettersUnavailableException.class)
    ProblemDetail unavailable(DeadLettersUnavailableException e) {
        log.error("Dead letters unavailable: {}", e.getMessage(), e);
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Dead letters unavailable", e.getMessage());
    }

    private static ProblemDetail badRequest(String field, String message) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", "Invalid request: " + field);
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
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
