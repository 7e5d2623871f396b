package io.banksuite.notification.adapter.in.amqp;

import io.banksuite.notification.domain.FailureClass;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Counters for dashboards and alerts (Prometheus names: notification_jobs_sent_total,
 * notification_jobs_retried_total{tier}, notification_jobs_dead_lettered_total{failure_class},
 * notification_jobs_duplicates_skipped_total, notification_dlq_replayed_total). All series are registered at start
 * so that they read 0 instead of being absent.
 */
@Component
public class NotificationMetrics {

    public static final String SENT = "notification.jobs.sent";
    public static final String RETRIED = "notification.jobs.retried";
    public static final String DEAD_LETTERED = "notification.jobs.dead_lettered";
    public static final String DUPLICATES_SKIPPED = "notification.jobs.duplicates_skipped";
    public static final String REPLAYED = "notification.dlq.replayed";

    private final MeterRegistry registry;
    private final Counter sent;
    private final Counter duplicatesSkipped;
    private final Counter replayed;

    public NotificationMetrics(MeterRegistry registry, NotificationQueueProperties properties) {
        this.registry = registry;
        this.sent = Counter.builder(SENT).description("Jobs accepted by the provider").register(registry);
        this.duplicatesSkipped = Counter.builder(DUPLICATES_SKIPPED)
                .description("Jobs skipped because they were already sent").register(registry);
        this.replayed = Counter.builder(REPLAYED)
                .description("Messages moved from the DLQ back to the work queue by an operator").register(registry);
        properties.retry().tierNames().forEach(this::retriedCounter);
        for (FailureClass failureClass : FailureClass.values()) {
            deadLetteredCounter(failureClass);
        }
    }

    public void sent() {
        sent.increment();
    }

    public void retried(String tierName) {
        retriedCounter(tierName).increment();
    }

    public void deadLettered(FailureClass failureClass) {
        deadLetteredCounter(failureClass).increment();
    }

    public void duplicateSkipped() {
        duplicatesSkipped.increment();
    }

    public void replayed(int count) {
        replayed.increment(count);
    }

    private Counter retriedCounter(String tierName) {
        return Counter.builder(RETRIED).description("Jobs parked in a retry tier after a transient failure")
                .tag("tier", tierName).register(registry);
    }

    private Counter deadLetteredCounter(FailureClass failureClass) {
        return Counter.builder(DEAD_LETTERED).description("Jobs moved to the dead-letter queue")
                .tag("failure_class", failureClass.name().toLowerCase()).register(registry);
    }
}
