package io.banksuite.notification.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One fraud alert as the audit log keeps it, for good: what the alert said, the trace it belongs to, and when and on
 * which attempt it was recorded.
 *
 * @param alertId        the alert's id (the job id fraud-service gave it; one entry per alert)
 * @param kind           e.g. {@code FRAUD_ALERT}
 * @param transactionId  the transaction flagged
 * @param clientId       its client
 * @param eventId        the {@code transaction.created} event that was screened
 * @param reasons        the rules that flagged it
 * @param alertCreatedAt when fraud-service decided
 * @param traceId        the W3C trace id the alert travelled with; null if it carried none
 * @param recordedAt     when the audit log took it
 * @param attempt        the delivery attempt that recorded it (1 unless the log had failed before)
 */
public record AuditedAlert(UUID alertId, String kind, UUID transactionId, String clientId, UUID eventId,
                           List<String> reasons, Instant alertCreatedAt, String traceId, Instant recordedAt,
                           int attempt) {

    public AuditedAlert {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(recordedAt, "recordedAt");
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be >= 1, was " + attempt);
        }
    }
}
