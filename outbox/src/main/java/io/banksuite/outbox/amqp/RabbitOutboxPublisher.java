package io.banksuite.outbox.amqp;

import io.banksuite.outbox.Backoff;
import io.banksuite.outbox.ContentTypes;
import io.banksuite.outbox.OutboxMetrics;
import io.banksuite.outbox.OutboxPublishing;
import io.banksuite.outbox.OutboxPurge;
import io.banksuite.outbox.OutboxRecord;
import io.banksuite.outbox.OutboxStore;
import io.banksuite.schemas.MdcKeys;
import io.banksuite.schemas.tracing.TraceContext;
import io.opentelemetry.context.Scope;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.ReturnedMessage;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.IntervalTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Publishes a service's outbox rows to RabbitMQ: each row's {@code destination} is the exchange and its
 * {@code message_key} the routing key. The row was committed in the same database transaction as the change it
 * announces, and this publisher marks it sent only after the broker confirmed it (ack, and not returned as
 * unroutable: the template must publish with {@code mandatory}, correlated confirms and returns). So a crash right
 * after the commit, a broker outage, or an exchange with no bound queue yet leaves the row unsent, and a later poll
 * (of this or the next process) publishes it: no message is lost. The price is at-least-once delivery: a crash
 * between the confirm and the mark publishes the message again with the same messageId (the row's event id), which
 * consumers deduplicate on.
 *
 * <p>As a bean of a service with scheduling enabled, it schedules itself: {@link #poll()} on a fixed delay of
 * {@link OutboxPublishing#pollInterval()} (rows go out in id order), and the purge of sent rows past
 * {@link OutboxPublishing#sentRetention()} every {@link OutboxPublishing#purgeInterval()}.
 */
public class RabbitOutboxPublisher implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(RabbitOutboxPublisher.class);

    private final OutboxStore outbox;
    private final RabbitTemplate rabbit;
    private final OutboxPublishing settings;
    private final Clock clock;
    private final Backoff backoff;
    private final OutboxMetrics metrics;
    private final OutboxPurge purge;

    /** Consecutive polls that sent nothing although rows waited; they space out the next polls. */
    private int failedPolls;
    private Instant nextPollAt = Instant.MIN;

    public RabbitOutboxPublisher(OutboxStore outbox, RabbitTemplate rabbit, OutboxPublishing settings, Clock clock,
                                 OutboxMetrics metrics) {
        this.outbox = outbox;
        this.rabbit = rabbit;
        this.settings = settings;
        this.clock = clock;
        this.metrics = metrics;
        this.purge = new OutboxPurge(outbox, settings.sentRetention(), clock);
        // The first failed poll waits two poll intervals, then the pause doubles up to max-backoff.
        Duration first = settings.pollInterval().multipliedBy(2);
        this.backoff = new Backoff(first.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : first,
                settings.maxBackoff());
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(this::poll, settings.pollInterval());
        tasks.addFixedDelayTask(new IntervalTask(purge::purgeSent, settings.purgeInterval(),
                settings.purgeInterval()));
    }

    /** One poll: a batch, unless the last failures asked for a pause that has not run out yet. */
    public void poll() {
        Instant now = clock.instant();
        if (now.isBefore(nextPollAt)) {
            return;
        }
        BatchResult result = publishBatch();
        if (result.failed() > 0 && result.sent() == 0) {
            // The broker is down or rejects everything: back off instead of logging every row twice a second.
            failedPolls++;
            nextPollAt = now.plus(backoff.after(failedPolls));
        } else {
            failedPolls = 0;
            nextPollAt = Instant.MIN;
        }
    }

    /**
     * Publishes the oldest unsent rows (one batch), waits for their confirms, and marks the confirmed ones sent;
     * the others get a failed attempt recorded and wait for the next poll.
     *
     * @return how many rows were marked sent and how many failed
     */
    public BatchResult publishBatch() {
        List<OutboxRecord> rows = outbox.fetchUnsent(settings.batchSize());
        if (rows.isEmpty()) {
            return new BatchResult(0, 0);
        }
        // Publish the whole batch first, then collect the confirms: one round trip per batch, not per message.
        List<InFlight> inFlight = new ArrayList<>(rows.size());
        List<Failure> failures = new ArrayList<>();
        for (OutboxRecord row : rows) {
            CorrelationData correlation = new CorrelationData(row.eventId().toString());
            try (Scope ignored = TraceContext.extract(row.headers()).makeCurrent()) {
                rabbit.send(row.destination(), row.messageKey(), toMessage(row), correlation);
                inFlight.add(new InFlight(row, correlation));
            } catch (AmqpException e) {
                // No connection or channel: the rest of the batch would fail the same way, after as many timeouts.
                failures.add(new Failure(row, "publish-error", "publish failed: " + e, e));
                break;
            }
        }
        long deadline = System.nanoTime() + settings.confirmTimeout().toNanos();
        List<Long> confirmed = new ArrayList<>(inFlight.size());
        for (InFlight sent : inFlight) {
            Failure failure = awaitConfirm(sent.row(), sent.correlation(), deadline);
            if (failure == null) {
                confirmed.add(sent.row().id());
            } else {
                failures.add(failure);
            }
        }
        // Confirmed rows first: should recording a failure throw, they are not published a second time.
        outbox.markSent(confirmed);
        if (!confirmed.isEmpty()) {
            metrics.published(rows.get(0).destination(), confirmed.size());
        }
        failures.forEach(this::failed);
        return new BatchResult(confirmed.size(), failures.size());
    }

    /** Null when the broker took responsibility for the message; otherwise why it did not. */
    private Failure awaitConfirm(OutboxRecord row, CorrelationData correlation, long deadlineNanos) {
        try {
            long remaining = Math.max(0, deadlineNanos - System.nanoTime());
            CorrelationData.Confirm confirm = correlation.getFuture().get(remaining, TimeUnit.NANOSECONDS);
            if (!confirm.ack()) {
                return new Failure(row, "nacked", "nacked by the broker: " + confirm.reason(), null);
            }
            // The channel sets the returned message before it completes the future with the ack.
            ReturnedMessage returned = correlation.getReturned();
            if (returned != null) {
                return new Failure(row, "returned", "returned unroutable: " + returned.getReplyCode() + " "
                        + returned.getReplyText() + " (exchange " + returned.getExchange() + ", routing key "
                        + returned.getRoutingKey() + ")", null);
            }
            return null;
        } catch (TimeoutException e) {
            return new Failure(row, "confirm-timeout", "no publisher confirm within " + settings.confirmTimeout(), e);
        } catch (ExecutionException e) {
            return new Failure(row, "confirm-error", "publisher confirm failed: " + e.getCause(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Failure(row, "interrupted", "interrupted while waiting for the publisher confirm", e);
        }
    }

    private void failed(Failure failure) {
        OutboxRecord row = failure.row();
        String reason = failure.reason();
        String eventId = row.eventId().toString();
        String traceId = row.traceId();
        MDC.put(MdcKeys.EVENT_ID, eventId);
        if (traceId != null) {
            MDC.put(MdcKeys.TRACE_ID, traceId);
        }
        try {
            log.warn("Outbox message {} to {} not sent (attempt {}), will retry on the "
                    + "next poll: {} [traceId={}]",
                    eventId, row.destination(), row.attempts() + 1, reason, traceId, failure.exception());
            outbox.recordFailure(row.id(), reason);
            metrics.failed(failure.cause());
        } finally {
            MDC.remove(MdcKeys.EVENT_ID);
            if (traceId != null) {
                MDC.remove(MdcKeys.TRACE_ID);
            }
        }
    }

    private static Message toMessage(OutboxRecord row) {
        MessageProperties properties = new MessageProperties();
        properties.setContentType(row.contentType());
        if (ContentTypes.JSON.equals(row.contentType())) {
            properties.setContentEncoding(StandardCharsets.UTF_8.name());
        }
        properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        properties.setMessageId(row.eventId().toString());
        properties.setTimestamp(Date.from(row.createdAt()));
        row.headers().forEach(properties::setHeader);
        return new Message(row.payload(), properties);
    }

    /** The outcome of one batch: rows marked sent, rows whose attempt failed. */
    public record BatchResult(int sent, int failed) {
    }

    private record InFlight(OutboxRecord row, CorrelationData correlation) {
    }

    /** @param cause a short tag value for the failures counter; {@code reason} is the full text for the row */
    private record Failure(OutboxRecord row, String cause, String reason, Exception exception) {
    }
}
