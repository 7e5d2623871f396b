package io.banksuite.notification.adapter.in.web;

import io.banksuite.notification.domain.SentNotification;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** API view of a sent notification (kept apart from the domain record so the API can evolve on its own). */
public record SentNotificationResponse(
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

    static SentNotificationResponse from(SentNotification sent) {
        return new SentNotificationResponse(sent.jobId(), sent.kind(), sent.clientId(), sent.transactionId(),
                sent.eventId(), sent.sentAt(), sent.attempts(), sent.provider(), sent.traceId(), sent.retriedVia());
    }
}
