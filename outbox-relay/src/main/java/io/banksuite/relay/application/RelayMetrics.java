package io.banksuite.relay.application;

import io.banksuite.outbox.OutboxStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The relay's meters (Prometheus names in brackets):
 * <ul>
 *   <li>{@code outbox.relay.backlog} [outbox_relay_backlog]: unsent rows, counted on each scrape;</li>
 *   <li>{@code outbox.relay.oldest.unsent.age} [outbox_relay_oldest_unsent_age_seconds]: how long the oldest
 *       unsent row has waited, the lag that alerts should watch;</li>
 *   <li>{@code outbox.relay.published} [outbox_relay_published_total]: rows acknowledged and marked sent, by
 *       destination;</li>
 *   <li>{@code outbox.relay.failures} [outbox_relay_failures_total]: failed attempts, by exception;</li>
 *   <li>{@code outbox.relay.leader} [outbox_relay_leader]: 1 on the active instance, 0 on a standby;</li>
 *   <li>{@code outbox.relay.batch} [outbox_relay_batch_seconds]: time to publish and mark one batch.</li>
 * </ul>
 */
public class RelayMetrics {

    private final MeterRegistry registry;
    private final AtomicInteger leader = new AtomicInteger();
    private final Timer batchTimer;

    public RelayMetrics(MeterRegistry registry, OutboxStore store) {
        this.registry = registry;
        Gauge.builder("outbox.relay.backlog", store, OutboxStore::countUnsent)
                .description("Outbox rows not yet published")
                .baseUnit("rows")
                .register(registry);
        Gauge.builder("outbox.relay.oldest.unsent.age", store, s -> s.oldestUnsentCreatedAt()
                        .map(created -> Duration.between(created, Instant.now()).toMillis() / 1000.0)
                        .orElse(0.0))
                .description("Age of the oldest unpublished outbox row")
                .baseUnit("seconds")
                .register(registry);
        Gauge.builder("outbox.relay.leader", leader, AtomicInteger::get)
                .description("1 while this instance holds the relay lock and publishes, 0 while it stands by")
                .register(registry);
        this.batchTimer = Timer.builder("outbox.relay.batch")
                .description("Time to publish one batch and mark it sent")
                .register(registry);
    }

    void leader(boolean active) {
        leader.set(active ? 1 : 0);
    }

    void published(String destination, int rows) {
        Counter.builder("outbox.relay.published")
                .description("Outbox rows acknowledged by the broker and marked sent")
                .tag("destination", destination)
                .register(registry)
                .increment(rows);
    }

    void failed(Throwable cause) {
        Counter.builder("outbox.relay.failures")
                .description("Failed attempts to publish an outbox row")
                .tag("exception", cause.getClass().getSimpleName())
                .register(registry)
                .increment();
    }

    Timer batchTimer() {
        return batchTimer;
    }
}
