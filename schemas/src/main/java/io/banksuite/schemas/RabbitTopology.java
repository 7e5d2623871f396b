package io.banksuite.schemas;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Every RabbitMQ exchange, queue and routing key of the suite.
 *
 * <p>fraud-service publishes each fraud alert (a {@code NotificationJob} of kind {@code FRAUD_ALERT}) once, to the
 * fanout exchange {@link #FRAUD_ALERTS_EXCHANGE}, which gives a copy to every queue bound to it: the notification
 * queue and the audit queue. Each of those is a {@link WorkQueue} of its own: its direct exchange, work queue, retry
 * tiers and dead-letter queue, so that a failure in one never delays or repeats the other. notification-worker owns
 * and declares both, and their bindings to the fanout; fraud-service declares only the fanout.
 *
 * <p>fraud-service asks for each card transaction it lets through to be charged, with a {@code ChargeRequest} on
 * {@link #CHARGES} (a third work queue of notification-worker, whose failed charges wait 60 s before each of three
 * retries). The worker answers each request with one {@code ChargeOutcome}, through its own outbox, on
 * {@link #CHARGE_OUTCOMES_EXCHANGE}; transaction-service owns the queue that takes them
 * ({@link #TRANSACTION_CHARGE_OUTCOMES_QUEUE}) and applies each to the transaction's status.
 */
public final class RabbitTopology {

    /** Durable fanout exchange of fraud alerts: one publish, one copy per bound queue. */
    public static final String FRAUD_ALERTS_EXCHANGE = "fraud.alerts";

    /** Durable direct exchange of the notification queue: retried jobs return through it, parked ones leave. */
    public static final String NOTIFICATIONS_EXCHANGE = "notifications";

    /** Routing key of a job on the notification exchange (a retried job coming back from its tier, a replay). */
    public static final String NOTIFICATION_JOB_ROUTING_KEY = "notification.job";

    /** The queue whose jobs notification-worker delivers. */
    public static final String NOTIFICATION_JOBS_QUEUE = "notifications.jobs";

    /** Where notification jobs that failed for good wait for an operator. */
    public static final String NOTIFICATIONS_DEAD_LETTER_QUEUE = "notifications.dlq";

    /** The delay tiers of notification jobs, in the order a job that keeps failing goes through them. */
    public static final List<RetryTier> NOTIFICATION_RETRY_TIERS = List.of(
            new RetryTier("30s", "notifications.retry.30s", Duration.ofSeconds(30)),
            new RetryTier("1m", "notifications.retry.1m", Duration.ofMinutes(1)),
            new RetryTier("5m", "notifications.retry.5m", Duration.ofMinutes(5)));

    /** Durable direct exchange of the audit queue. */
    public static final String AUDIT_EXCHANGE = "audit";

    /** Routing key of an alert on the audit exchange. */
    public static final String AUDIT_ROUTING_KEY = "audit.alert";

    /** The queue whose alerts notification-worker appends to the audit log. */
    public static final String AUDIT_ALERTS_QUEUE = "audit.alerts";

    /** Where alerts the audit log could not take wait for an operator. */
    public static final String AUDIT_DEAD_LETTER_QUEUE = "audit.dlq";

    /** The audit queue's own delay tiers. */
    public static final List<RetryTier> AUDIT_RETRY_TIERS = List.of(
            new RetryTier("30s", "audit.retry.30s", Duration.ofSeconds(30)),
            new RetryTier("1m", "audit.retry.1m", Duration.ofMinutes(1)),
            new RetryTier("5m", "audit.retry.5m", Duration.ofMinutes(5)));

    /** Durable direct exchange of charge requests: fraud-service publishes here, and retries come back through it. */
    public static final String CHARGES_EXCHANGE = "charges";

    /** Routing key of a charge request on the charges exchange. */
    public static final String CHARGE_REQUEST_ROUTING_KEY = "charge.request";

    /** The queue whose requests notification-worker charges through the card processor. */
    public static final String CHARGE_REQUESTS_QUEUE = "charges.requests";

    /** Where charges that failed for good wait for an operator (their FAILED outcome has gone out). */
    public static final String CHARGES_DEAD_LETTER_QUEUE = "charges.dlq";

    /**
     * A failed charge waits 60 s before each of its three retries: one delay queue, used three times (the tiers
     * differ only in name, for metrics and logs).
     */
    public static final List<RetryTier> CHARGE_RETRY_TIERS = List.of(
            new RetryTier("60s-1", "charges.retry.60s", Duration.ofSeconds(60)),
            new RetryTier("60s-2", "charges.retry.60s", Duration.ofSeconds(60)),
            new RetryTier("60s-3", "charges.retry.60s", Duration.ofSeconds(60)));

    /**
     * Durable direct exchange of charge outcomes: notification-worker publishes here (and declares it), the queues
     * bound to it belong to their consumers.
     */
    public static final String CHARGE_OUTCOMES_EXCHANGE = "charge.outcomes";

    /** Routing key of an outcome on the charge outcomes exchange. */
    public static final String CHARGE_OUTCOME_ROUTING_KEY = "charge.outcome";

    /** transaction-service's queue of charge outcomes, bound to {@link #CHARGE_OUTCOMES_EXCHANGE}. */
    public static final String TRANSACTION_CHARGE_OUTCOMES_QUEUE = "transactions.charge-outcomes";

    /**
     * Where transaction-service parks an outcome it cannot apply (unreadable, for an unknown transaction, or
     * contradicting the status already recorded); the work queue dead-letters into it through the outcomes exchange
     * under this name as routing key.
     */
    public static final String TRANSACTION_CHARGE_OUTCOMES_DEAD_LETTER_QUEUE = "transactions.charge-outcomes.dlq";

    /** Notification jobs: fed by {@link #FRAUD_ALERTS_EXCHANGE}. */
    public static final WorkQueue NOTIFICATIONS = new WorkQueue("notifications", NOTIFICATIONS_EXCHANGE,
            NOTIFICATION_JOB_ROUTING_KEY, NOTIFICATION_JOBS_QUEUE, NOTIFICATION_RETRY_TIERS,
            NOTIFICATIONS_DEAD_LETTER_QUEUE);

    /** The audit log's alerts: fed by {@link #FRAUD_ALERTS_EXCHANGE}. */
    public static final WorkQueue AUDIT = new WorkQueue("audit", AUDIT_EXCHANGE, AUDIT_ROUTING_KEY,
            AUDIT_ALERTS_QUEUE, AUDIT_RETRY_TIERS, AUDIT_DEAD_LETTER_QUEUE);

    /** Charge requests: fed by fraud-service through {@link #CHARGES_EXCHANGE} itself, not by the alerts fanout. */
    public static final WorkQueue CHARGES = new WorkQueue("charges", CHARGES_EXCHANGE, CHARGE_REQUEST_ROUTING_KEY,
            CHARGE_REQUESTS_QUEUE, CHARGE_RETRY_TIERS, CHARGES_DEAD_LETTER_QUEUE);

    /** The queues {@link #FRAUD_ALERTS_EXCHANGE} feeds. */
    public static final List<WorkQueue> FRAUD_ALERT_QUEUES = List.of(NOTIFICATIONS, AUDIT);

    /** Every work queue notification-worker consumes. */
    public static final List<WorkQueue> WORKER_QUEUES = List.of(NOTIFICATIONS, AUDIT, CHARGES);

    private RabbitTopology() {
    }

    /**
     * One queue of work with its own retries: the work queue is bound to {@code exchange} under {@code routingKey};
     * each retry tier and the dead-letter queue are bound to the same exchange under their own queue name, and a
     * tier's expired messages are dead-lettered back to {@code exchange} and {@code routingKey}.
     *
     * @param name       the queue's name in metrics, logs and the operator endpoints
     * @param exchange   its durable direct exchange
     * @param routingKey the work queue's routing key on it
     * @param queue      the work queue
     * @param tiers      the delay tiers, in order
     * @param deadLetter the dead-letter queue
     */
    public record WorkQueue(String name, String exchange, String routingKey, String queue, List<RetryTier> tiers,
                            String deadLetter) {

        public WorkQueue {
            tiers = List.copyOf(tiers);
        }

        /** Every queue name, once: the work queue, the tiers' and the dead-letter queue. */
        public List<String> queues() {
            List<String> all = new ArrayList<>();
            all.add(queue);
            tiers.forEach(tier -> all.add(tier.queue()));
            all.add(deadLetter);
            return all.stream().distinct().toList();
        }
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
