package io.banksuite.notification.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A notification job as published on the {@code notifications} exchange (see conventions.md). The job id is the
 * idempotency key end to end: the worker records it once sent and the webhook provider receives it as
 * {@code Idempotency-Key}.
 */
public record NotificationJob(
        UUID jobId,
        String kind,
        UUID transactionId,
        String clientId,
        UUID eventId,
        List<String> reasons,
        Instant createdAt) {

    public NotificationJob {
        Objects.requireNonNull(jobId, "jobId is required");
        if (kind == null || kind.isBlank()) {
            throw new IllegalArgumentException("kind is required");
        }
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
