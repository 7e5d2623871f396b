package io.banksuite.notification.adapter.in.amqp;

import java.util.List;

import io.banksuite.notification.domain.FailureClass;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The counters of one work queue, for dashboards and alerts, named after the queue's kind of job. For the
 * notification queue (prefix {@code notification}, done as {@code sent}), in Prometheus:
 * {@code notification_jobs_sent_total}, {@code notification_jobs_retried_total{tier}},
 * {@code notification_jobs_dead_lettered_total{failure_class}}, {@code notification_jobs_duplicates_skipped_total},
 * {@code notification_dlq_replayed_total}; for the audit queue the same under {@code audit_}, done as
 * {@code recorded}. Every series is registered at start, so that it reads 0 instead of being absent.
 */
public class JobMetrics {

    private final MeterRegistry registry;
    private final String prefix;
    private final Counter done;
    private final Counter duplicatesSkipped;
    private final Counter replayed;

    /**
     * @param prefix   the meters' first word: {@code notification}, {@code audit}
     * @param doneName what a job that succeeded is: {@code sent}, {@code recorded}
     * @param doneText what that means, for the meter's description
     */
    public JobMetrics(MeterRegistry registry, String prefix, String doneName, String doneText,
                      List<String> tierNames) {
        this.registry = registry;
        this.prefix = prefix;
        this.done = Counter.builder(prefix + ".jobs." + doneName).description(doneText).register(registry);
        this.duplicatesSkipped = Counter.builder(prefix + ".jobs.duplicates_skipped")
                .description("Jobs skipped because they had been done before").register(registry);
        this.replayed = Counter.builder(prefix + ".dlq.replayed")
                .description("Messages moved from the DLQ back to the work queue by an operator").register(registry);
        tierNames.forEach(this::retriedCounter);
        for (FailureClass failureClass : FailureClass.values()) {
            deadLetteredCounter(failureClass);
        }
    }

    public void done() {
        done.increment();
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
        return Counter.builder(prefix + ".jobs.retried").description("Jobs parked in a retry tier after a transient "
                + "failure").tag("tier", tierName).register(registry);
    }

    private Counter deadLetteredCounter(FailureClass failureClass) {
        return Counter.builder(prefix + ".jobs.dead_lettered").description("Jobs moved to the dead-letter queue")
                .tag("failure_class", failureClass.name().toLowerCase()).register(registry);
    }
}
