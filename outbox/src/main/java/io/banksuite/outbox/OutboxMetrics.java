package io.banksuite.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The same meters for every outbox, tagged {@code outbox} with its name, so one dashboard panel and one alert cover
 * them all (Prometheus names):
 * <ul>
 *   <li>{@code outbox_backlog_rows}: rows not yet published, counted on each scrape;</li>
 *   <li>{@code outbox_oldest_unsent_age_seconds}: how long the oldest unsent row has waited (0 when none), the lag
 *       that alerts watch;</li>
 *   <li>{@code outbox_published_total{destination}}: rows the broker acknowledged and the relay marked sent;</li>
 *   <li>{@code outbox_publish_failures_total{cause}}: failed attempts, by cause.</li>
 * </ul>
 */
public class OutboxMetrics {

    /** transaction-service's outbox of Kafka events, published by outbox-relay. */
    public static final String TRANSACTION_EVENTS = "transaction-events";
    /** fraud-service's outbox of notification jobs, published to RabbitMQ. */
    public static final String NOTIFICATION_JOBS = "notification-jobs";
    /** notification-worker's outbox of charge outcomes, published to RabbitMQ for transaction-service. */
    public static final String CHARGE_OUTCOMES = "charge-outcomes";

    private final MeterRegistry registry;
    private final String outbox;

    public OutboxMetrics(MeterRegistry registry, OutboxStore store, String outbox, Clock clock) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        Gauge.builder("outbox.backlog", store, OutboxStore::countUnsent)
                .description("Outbox rows not yet published")
                .baseUnit("rows")
                .tag("outbox", outbox)
                .register(registry);
        Gauge.builder("outbox.oldest.unsent.age", store, s -> s.oldestUnsentCreatedAt()
                        .map(created -> Duration.between(created, clock.instant()).toMillis() / 1000.0)
                        .orElse(0.0))
                .description("Age of the oldest unpublished outbox row; 0 when every row is published")
                .baseUnit("seconds")
                .tag("outbox", outbox)
                .register(registry);
    }

    public void published(String destination, int rows) {
        Counter.builder("outbox.published")
                .description("Outbox rows acknowledged by the broker and marked sent")
                .tag("outbox", outbox)
                .tag("destination", destination)
                .register(registry)
                .increment(rows);
    }

    /** @param cause what failed, in few words or an exception's simple name: a tag value, so keep the set small */
    public void failed(String cause) {
        Counter.builder("outbox.publish.failures")
                .description("Failed attempts to publish an outbox row, by cause")
                .tag("outbox", outbox)
                .tag("cause", cause)
                .register(registry)
                .increment();
    }
}
