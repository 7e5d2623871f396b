package io.banksuite.notification.application;

import io.banksuite.notification.application.port.out.NotificationProvider;
import io.banksuite.notification.application.port.out.SentNotificationStore;
import io.banksuite.notification.domain.DeliveryAttempt;
import io.banksuite.notification.domain.DeliveryOutcome;
import io.banksuite.schemas.notification.NotificationJob;
import io.banksuite.notification.domain.SentNotification;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Sends a job at most once as far as this worker can tell: skip it if it is recorded as sent, otherwise send it
 * and record it.
 *
 * <p>The remaining window: if the process dies after the provider accepted the job but before the record is
 * committed, the message is redelivered and sent again. That is why the webhook carries
 * {@code Idempotency-Key: <jobId>}: the provider deduplicates the second request. Closing the window on our side
 * would need the provider to take part in a transaction, which HTTP providers do not offer.
 */
@Service
public class DeliverNotificationService {

    private static final Logger log = LoggerFactory.getLogger(DeliverNotificationService.class);

    private final NotificationProvider provider;
    private final SentNotificationStore store;
    private final Clock clock;

    public DeliverNotificationService(NotificationProvider provider, SentNotificationStore store, Clock clock) {
        this.provider = provider;
        this.store = store;
        this.clock = clock;
    }

    public DeliveryResult deliver(NotificationJob job, DeliveryAttempt attempt) {
        if (store.isSent(job.jobId())) {
            return new DeliveryResult.AlreadySent();
        }
        DeliveryOutcome outcome;
        try {
            outcome = provider.send(job, attempt);
        } catch (RuntimeException e) {
            // A provider bug must not stall the queue: treat it as transient so the job walks the retry tiers and
            // ends, visible, in the DLQ if it keeps failing.
            log.warn("Provider {} threw for jobId={} traceId={} attempt={}", provider.name(), job.jobId(),
                    attempt.traceId(), attempt.number(), e);
            outcome = DeliveryOutcome.transientFailure("provider error: " + e);
        }
        if (outcome instanceof DeliveryOutcome.Failed failed) {
            return new DeliveryResult.Failed(failed.failureClass(), failed.reason());
        }
        return record(job, attempt);
    }

    private DeliveryResult record(NotificationJob job, DeliveryAttempt attempt) {
        var sent = new SentNotification(job.jobId(), job.kind(), job.clientId(), job.transactionId(), job.eventId(),
                clock.instant(), attempt.number(), provider.name(), attempt.traceId(), attempt.retriedVia());
        if (!store.recordSent(sent)) {
            // Two deliveries of the same job raced past isSent(); the provider deduplicates on Idempotency-Key.
            log.warn("jobId={} traceId={} was recorded as sent concurrently; the provider saw it twice and "
                    + "deduplicates on Idempotency-Key", job.jobId(), attempt.traceId());
        }
        return new DeliveryResult.Sent(sent);
    }
}
