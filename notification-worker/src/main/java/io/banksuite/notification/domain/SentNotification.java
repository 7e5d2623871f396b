package io.banksuite.notification.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The record kept for every job the provider accepted; its existence is what makes delivery idempotent. */
public record SentNotification(
        UUID jobId,
        String kind,
        String clientId,
        UUID transactionId,
        UUID eventId,
        Instant sentAt,
        int attempts,
        String provider,
        String traceId,
        List<String> retriedVia) {

    public SentNotification {
        retriedVia = retriedVia == null ? List.of() : List.copyOf(retriedVia);
    }
}
