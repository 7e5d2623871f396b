package io.banksuite.relay.application;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.banksuite.outbox.OutboxMetrics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The relay's meters: those of every outbox ({@link OutboxMetrics}, tag {@code outbox="transaction-events"}:
 * backlog, age of the oldest unsent row, published, failures by cause), plus
 * <ul>
 *   <li>{@code outbox_relay_leader}: 1 on the active instance, 0 on a standby;</li>
 *   <li>{@code outbox_relay_batch_seconds}: time to publish and mark one batch.</li>
 * </ul>
 */
public class RelayMetrics {

    private final OutboxMetrics outbox;
    private final AtomicInteger leader = new AtomicInteger();
    private final Timer batchTimer;

    public RelayMetrics(MeterRegistry registry, OutboxMetrics outbox) {
        this.outbox = outbox;
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
        outbox.published(destination, rows);
    }

    void failed(Throwable cause) {
        outbox.failed(cause.getClass().getSimpleName());
    }

    void batch(Duration took) {
        batchTimer.record(took);
    }
}
