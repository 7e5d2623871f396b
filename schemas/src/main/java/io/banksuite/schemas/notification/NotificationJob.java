package io.banksuite.schemas.notification;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A fraud alert, the JSON body of a message on {@code RabbitTopology.FRAUD_ALERTS_EXCHANGE} (and so on the
 * notification and audit queues): the Java form of its JSON Schema ({@code JsonContract.NOTIFICATION_JOB}, versioned
 * under {@code schema-history/notification-job}). Its {@code jobId} is also the message's {@code messageId}, and the
 * idempotency key end to end: the worker records it once sent (and once audited), and a webhook provider receives it
 * as {@code Idempotency-Key}.
 *
 * @param jobId         unique id of the job
 * @param kind          what to notify about, e.g. {@link #FRAUD_ALERT}
 * @param transactionId the transaction it is about
 * @param clientId      the client to notify
 * @param eventId       the event that caused it (a {@code transaction.created} eventId)
 * @param reasons       why, in the producer's words (for a fraud alert: the rules that flagged it)
 * @param createdAt     when the producer decided to notify
 */
public record NotificationJob(UUID jobId, String kind, UUID transactionId, String clientId, UUID eventId,
                              List<String> reasons, Instant createdAt) {

    /** A transaction flagged by fraud-service. */
    public static final String FRAUD_ALERT = "FRAUD_ALERT";

    public NotificationJob {
        Objects.requireNonNull(jobId, "jobId is required");
        if (kind == null || kind.isBlank()) {
            throw new IllegalArgumentException("kind is required");
        }
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
