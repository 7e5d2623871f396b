package io.banksuite.notification.adapter.in.web;

import io.banksuite.notification.adapter.amqp.DeadLetterReplayer;
import io.banksuite.notification.adapter.amqp.DeadLetterReplayer.ReplayFailedException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operator endpoint: {@code POST /api/v1/admin/dlq/replay?max=N} moves up to N messages from the dead-letter queue
 * back to the work queue with a fresh retry count. Inspect the DLQ first (management UI or rabbitmqadmin: the
 * x-failure-* headers say why each job failed) and fix the cause, or the jobs come straight back.
 *
 * <p>The service binds to 127.0.0.1 by default; put this path behind authentication before exposing it.
 */
@RestController
@RequestMapping("/api/v1/admin/dlq")
public class DeadLetterAdminController {

    private final DeadLetterReplayer replayer;

    public DeadLetterAdminController(DeadLetterReplayer replayer) {
        this.replayer = replayer;
    }

    @PostMapping("/replay")
    public ReplayResponse replay(@RequestParam(defaultValue = "100") @Min(1) @Max(10_000) int max) {
        return new ReplayResponse(replayer.replay(max));
    }

    @ExceptionHandler(ReplayFailedException.class)
    ProblemDetail replayFailed(ReplayFailedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setTitle("DLQ replay stopped");
        problem.setProperty("replayed", e.replayed());
        return problem;
    }

    public record ReplayResponse(int replayed) {
    }
}
