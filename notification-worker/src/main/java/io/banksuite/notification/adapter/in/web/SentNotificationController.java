package io.banksuite.notification.adapter.in.web;

import io.banksuite.notification.application.port.out.SentNotificationStore;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Read side: what the worker has sent. A job that is pending, retrying or dead-lettered is not found (404). */
@RestController
@RequestMapping("/api/v1/notifications")
public class SentNotificationController {

    private final SentNotificationStore store;

    public SentNotificationController(SentNotificationStore store) {
        this.store = store;
    }

    @GetMapping("/{jobId}")
    public ResponseEntity<?> get(@PathVariable UUID jobId) {
        return store.find(jobId)
                .<ResponseEntity<?>>map(sent -> ResponseEntity.ok(SentNotificationResponse.from(sent)))
                .orElseGet(() -> {
                    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                            "No notification has been sent for job " + jobId);
                    problem.setTitle("Notification not sent");
                    return ResponseEntity.of(problem).build();
                });
    }
}
