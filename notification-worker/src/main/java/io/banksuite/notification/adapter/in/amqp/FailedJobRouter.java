package io.banksuite.notification.adapter.in.amqp;

import io.banksuite.notification.adapter.in.amqp.WorkerQueueProperties.QueueSettings;
import io.banksuite.notification.domain.FailureClass;
import io.banksuite.runtime.rabbit.ConfirmedPublisher;
import io.banksuite.runtime.rabbit.QueueHeaders;
import java.time.Clock;
import java.util.Map;
import org.springframework.amqp.core.Message;
import org.springframework.stereotype.Component;

/**
 * Moves a failed job to a retry tier or to the dead-letter queue by republishing a copy (same body, same
 * messageId, headers kept) and waiting for the publisher confirm. The original is acked by the caller only after
 * this returns, so a crash in between leaves a duplicate, never a loss.
 */
@Component
public class FailedJobRouter {

    private final ConfirmedPublisher publisher;
    private final Clock clock;

    public FailedJobRouter(ConfirmedPublisher publisher, Clock clock) {
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Parks the job in the queue's retry tier {@code tierIndex}, bound to the queue's exchange under its name. */
    public void retry(QueueSettings queue, Message original, int tierIndex, int nextRetryCount) {
        String tierQueue = queue.tiers().get(tierIndex).queue();
        Message copy = QueueHeaders.copyOf(original, Map.of(QueueHeaders.RETRY_COUNT, nextRetryCount));
        publisher.publish(queue.exchange(), tierQueue, copy);
    }

    public void deadLetter(QueueSettings queue, Message original, FailureClass failureClass, String reason,
                           int attempts) {
        publisher.publish(queue.exchange(), queue.deadLetter(),
                QueueHeaders.parkedCopy(original, failureClass.name(), reason, attempts, clock.instant()));
    }
}
