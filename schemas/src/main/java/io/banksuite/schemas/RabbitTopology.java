package io.banksuite.schemas;

import java.time.Duration;
import java.util.List;

/**
 * Every RabbitMQ exchange, queue and routing key of the suite. fraud-service publishes notification jobs to
 * {@link #NOTIFICATIONS_EXCHANGE} with {@link #NOTIFICATION_JOB_ROUTING_KEY}; notification-worker owns and declares
 * the rest: the work queue, the retry tiers (each bound under its own name, its expired messages dead-lettered back
 * to the work routing key) and the dead-letter queue.
 */
public final class RabbitTopology {

    /** Durable direct exchange of notification jobs. */
    public static final String NOTIFICATIONS_EXCHANGE = "notifications";

    /** Routing key of a new job, and of a retried job coming back from its tier. */
    public static final String NOTIFICATION_JOB_ROUTING_KEY = "notification.job";

    /** The queue notification-worker consumes. */
    public static final String NOTIFICATION_JOBS_QUEUE = "notifications.jobs";

    /** Where jobs that failed for good wait for an operator. */
    public static final String NOTIFICATIONS_DEAD_LETTER_QUEUE = "notifications.dlq";

    /** The delay tiers, in the order a job that keeps failing goes through them. */
    public static final List<RetryTier> NOTIFICATION_RETRY_TIERS = List.of(
            new RetryTier("30s", "notifications.retry.30s", Duration.ofSeconds(30)),
            new RetryTier("1m", "notifications.retry.1m", Duration.ofMinutes(1)),
            new RetryTier("5m", "notifications.retry.5m", Duration.ofMinutes(5)));

    private RabbitTopology() {
    }

    /**
     * One delay tier: a durable queue with {@code x-message-ttl} that nobody consumes.
     *
     * @param name  the tier's name in metrics and logs
     * @param queue the queue, bound to the exchange under its own name
     * @param ttl   how long a job waits in it
     */
    public record RetryTier(String name, String queue, Duration ttl) {
    }
}
