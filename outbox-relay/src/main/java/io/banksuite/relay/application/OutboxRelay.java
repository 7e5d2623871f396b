package io.banksuite.relay.application;

import io.banksuite.outbox.Backoff;
import io.banksuite.outbox.OutboxRecord;
import io.banksuite.outbox.OutboxStore;
import io.banksuite.relay.application.port.out.LeaderLock;
import io.banksuite.relay.application.port.out.OutboxPublisher;
import io.banksuite.relay.application.port.out.PublishOutcome;
import io.banksuite.schemas.MdcKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The polling loop, on one thread: while this instance holds the advisory lock, read the next unsent rows in id
 * order, publish them, mark the acknowledged prefix sent, and on a failure record it on the row, back off, and start
 * again from that row. So rows reach Kafka in id order and one client's events keep their order.
 *
 * <p>Delivery is at least once: a row can be published again if the relay stops (or its database update fails)
 * after the broker acknowledged the row but before the row was marked sent. Consumers deduplicate on the
 * {@code event_id} header (equal to the event's eventId).
 *
 * <p>A row that keeps failing blocks every later row: skipping it would publish a client's later events before an
 * earlier one. It is visible as {@code attempts}/{@code last_error} on the row, as the failures counter, and as the
 * growing age of the oldest unsent row; an operator fixes its cause (or the row) and the relay carries on. While a
 * row fails, the relay retries it alone (a batch of one), so that later rows are not re-published on each retry.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final OutboxStore store;
    private final OutboxPublisher publisher;
    private final LeaderLock lock;
    private final RelayProperties properties;
    private final RelayMetrics metrics;
    private final Backoff backoff;
    private final Duration ackTimeout;
    private final Object wakeUp = new Object();

    private volatile boolean running;
    private Thread thread;
    private int consecutiveFailures;

    public OutboxRelay(OutboxStore store, OutboxPublisher publisher, LeaderLock lock, RelayProperties properties,
                       RelayMetrics metrics, Duration ackTimeout) {
        this.store = store;
        this.publisher = publisher;
        this.lock = lock;
        this.properties = properties;
        this.metrics = metrics;
        this.backoff = new Backoff(properties.initialBackoff(), properties.maxBackoff());
        this.ackTimeout = ackTimeout;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "outbox-relay");
        thread.start();
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
        try {
            thread.join(properties.shutdownTimeout().toMillis());
            if (thread.isAlive()) {
                log.warn("The outbox relay did not finish its batch within {}; interrupting it (its unmarked rows"
                        + " are published again by the next active relay)", properties.shutdownTimeout());
                thread.interrupt();
                thread.join(properties.shutdownTimeout().toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Whether this instance was the active relay at its last poll. For tests and diagnostics. */
    public boolean isActive() {
        return running && lock.heldAtLastCheck();
    }

    private void run() {
        log.info("Outbox relay started (batch size {}, poll interval {}, lock {})", properties.batchSize(),
                properties.pollInterval(), properties.lockId());
        boolean wasLeader = false;
        try {
            while (running) {
                wasLeader = pollAsLeaderOrStandBy(wasLeader);
            }
        } finally {
            lock.close(); // only this thread uses the lock's connection
            metrics.leader(false);
            log.info("Outbox relay stopped");
        }
    }

    /** One turn of the loop; returns whether this instance is the active relay now. */
    private boolean pollAsLeaderOrStandBy(boolean wasLeader) {
        boolean leader = wasLeader;
        Duration pause;
        try {
            leader = lock.tryAcquire();
            if (leader != wasLeader) {
                log.info(leader ? "This outbox relay is now active (holds lock {})"
                        : "This outbox relay is standing by (lock {} is held elsewhere)", properties.lockId());
                metrics.leader(leader);
            }
            pause = leader ? pollOnce() : properties.standbyInterval();
        } catch (Exception e) {
            // The database or the lock's session failed; nothing was marked that was not acknowledged.
            consecutiveFailures++;
            pause = backoff.after(consecutiveFailures);
            log.error("Outbox relay poll failed (attempt {}); retrying in {}", consecutiveFailures, pause, e);
        }
        sleep(pause);
        return leader;
    }

    /** One batch; returns how long to pause before the next. */
    private Duration pollOnce() {
        // After a failure, retry the failed row alone: rows behind it are not re-sent on every attempt.
        int limit = consecutiveFailures > 0 ? 1 : properties.batchSize();
        List<OutboxRecord> rows = store.fetchUnsent(limit);
        if (rows.isEmpty()) {
            consecutiveFailures = 0;
            return properties.pollInterval();
        }
        long started = System.nanoTime();
        PublishOutcome outcome = publisher.publish(rows, ackTimeout);
        if (!outcome.acknowledged().isEmpty()) {
            store.markSent(outcome.acknowledged());
            countPublished(rows, outcome.acknowledged());
        }
        metrics.batch(Duration.ofNanos(System.nanoTime() - started));
        if (outcome.failure().isPresent()) {
            return recordFailure(outcome.failure().get());
        }
        consecutiveFailures = 0;
        return rows.size() == limit ? Duration.ZERO : properties.pollInterval();
    }

    private Duration recordFailure(PublishOutcome.Failure failure) {
        OutboxRecord row = failure.row();
        Throwable cause = failure.cause();
        consecutiveFailures++;
        Duration pause = backoff.after(consecutiveFailures);
        String description = describe(cause);
        store.recordFailure(row.id(), description);
        metrics.failed(rootCause(cause));
        String traceId = row.traceId();
        try (var eventIdInMdc = MDC.putCloseable(MdcKeys.EVENT_ID, row.eventId().toString());
             var traceIdInMdc = MDC.putCloseable(MdcKeys.TRACE_ID, traceId == null ? "" : traceId)) {
            log.warn("Publishing outbox row {} (eventId={}, traceId={}, destination={}, key={}) failed on attempt {};"
                            + " it and the rows after it wait, retrying in {}: {}",
                    row.id(), row.eventId(), traceId, row.destination(), row.messageKey(), row.attempts() + 1,
                    pause, description, cause);
        }
        return pause;
    }

    /** The exception and its causes, e.g. "KafkaException: Send failed; caused by InvalidTopicException: ...". */
    static String describe(Throwable error) {
        var text = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (!text.isEmpty()) {
                text.append("; caused by ");
            }
            text.append(t.getClass().getName()).append(": ").append(t.getMessage());
        }
        return text.toString();
    }

    private static Throwable rootCause(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private void countPublished(List<OutboxRecord> rows, List<Long> acknowledged) {
        Map<Long, OutboxRecord> byId = rows.stream()
                .collect(Collectors.toMap(OutboxRecord::id, Function.identity()));
        acknowledged.stream()
                .collect(Collectors.groupingBy(id -> byId.get(id).destination(), Collectors.counting()))
                .forEach((destination, count) -> metrics.published(destination, count.intValue()));
    }

    private void sleep(Duration pause) {
        if (pause.isZero() || !running) {
            return;
        }
        synchronized (wakeUp) {
            try {
                wakeUp.wait(pause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }
}
