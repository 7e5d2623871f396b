package io.banksuite.notification.adapter.in.amqp;

import io.banksuite.notification.adapter.in.amqp.WorkerQueueProperties.QueueSettings;
import io.banksuite.notification.domain.FailureClass;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.stereotype.Component;

/**
 * Moves a failed job to a retry tier or to the dead-letter queue by republishing a copy (same body, same
 * messageId, headers kept) and waiting for the publisher confirm. The original is acked by the caller only after
 * this returns, so a crash in between leaves a duplicate, never a loss.
 */
@Component
public class FailedJobRouter {

    private static final int MAX_REASON_LENGTH = 1000;

    private final ConfirmedPublisher publisher;
    private final Clock clock;

    public FailedJobRouter(ConfirmedPublisher publisher, Clock clock) {
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Parks the job in the queue's retry tier {@code tierIndex}, bound to the queue's exchange under its name. */
    public void retry(QueueSettings queue, Message original, int tierIndex, int nextRetryCount) {
        String tierQueue = queue.tiers().get(tierIndex).queue();
        Message copy = copyOf(original, Map.of(NotificationHeaders.RETRY_COUNT, nextRetryCount));
        publisher.publish(queue.exchange(), tierQueue, copy);
    }

    public void deadLetter(QueueSettings queue, Message original, FailureClass failureClass, String reason,
                           int attempts) {
        MessageProperties received = original.getMessageProperties();
        Map<String, Object> failure = new HashMap<>();
        failure.put(NotificationHeaders.FAILURE_CLASS, failureClass.name());
        failure.put(NotificationHeaders.FAILURE_REASON, truncate(reason));
        failure.put(NotificationHeaders.ATTEMPTS, attempts);
        failure.put(NotificationHeaders.RETRY_COUNT, NotificationHeaders.retryCount(received));
        failure.put(NotificationHeaders.FAILED_AT, clock.instant().toString());
        putIfPresent(failure, NotificationHeaders.ORIGINAL_QUEUE, received.getConsumerQueue());
        putIfPresent(failure, NotificationHeaders.ORIGINAL_EXCHANGE, received.getReceivedExchange());
        putIfPresent(failure, NotificationHeaders.ORIGINAL_ROUTING_KEY, received.getReceivedRoutingKey());
        publisher.publish(queue.exchange(), queue.deadLetter(), copyOf(original, failure));
    }

    /**
     * A persistent copy carrying the original's identity and headers plus {@code extraHeaders}. Broker-set
     * properties (delivery tag, redelivered, user id) are not copied.
     */
    static Message copyOf(Message original, Map<String, Object> extraHeaders) {
        MessageProperties in = original.getMessageProperties();
        MessageProperties out = new MessageProperties();
        out.getHeaders().putAll(in.getHeaders());
        out.getHeaders().putAll(extraHeaders);
        out.setMessageId(in.getMessageId());
        out.setCorrelationId(in.getCorrelationId());
        out.setContentType(in.getContentType());
        out.setContentEncoding(in.getContentEncoding());
        out.setTimestamp(in.getTimestamp());
        out.setAppId(in.getAppId());
        out.setType(in.getType());
        out.setPriority(in.getPriority());
        out.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        return new Message(original.getBody(), out);
    }

    private static void putIfPresent(Map<String, Object> headers, String name, String value) {
        if (value != null) {
            headers.put(name, value);
        }
    }

    private static String truncate(String reason) {
        return reason.length() <= MAX_REASON_LENGTH ? reason : reason.substring(0, MAX_REASON_LENGTH) + "...";
    }
}
