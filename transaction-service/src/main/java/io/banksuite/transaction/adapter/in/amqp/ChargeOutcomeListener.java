package io.banksuite.transaction.adapter.in.amqp;

import java.io.IOException;
import java.time.Clock;

import com.rabbitmq.client.Channel;
import io.banksuite.runtime.rabbit.ConfirmedPublisher;
import io.banksuite.runtime.rabbit.JsonMessageReader;
import io.banksuite.runtime.rabbit.JsonMessageReader.UnreadableMessageException;
import io.banksuite.runtime.rabbit.ManualAcks;
import io.banksuite.runtime.rabbit.QueueHeaders;
import io.banksuite.schemas.MdcKeys;
import io.banksuite.schemas.charge.ChargeOutcome;
import io.banksuite.schemas.tracing.TraceContext;
import io.banksuite.transaction.application.ChargeOutcomeService;
import io.banksuite.transaction.domain.UnapplicableOutcomeException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareMessageListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes charge outcomes off this service's queue (manual acks) and applies each to its transaction
 * ({@link ChargeOutcomeService}). An outcome is acked only once applied (or found applied before), so a crash
 * redelivers it and the second delivery changes nothing. One that can never be applied (unreadable, for an unknown
 * transaction, contradicting the applied one) is parked: copied to the DLQ with why it failed (the x-failure-*
 * headers), confirmed by the broker, and only then acked, so the queue keeps flowing and an operator can list and
 * replay it ({@code /api/v1/admin/dead-letters}). A failure on our side (the database, or the parking publish)
 * requeues it after a pause.
 *
 * <p>Meter {@code charge.outcomes.received{result}}: applied, duplicate, parked, requeued.
 */
@Component
public class ChargeOutcomeListener implements ChannelAwareMessageListener {

    private static final Logger log = LoggerFactory.getLogger(ChargeOutcomeListener.class);

    private final ChargeOutcomeService outcomes;
    private final ChargeOutcomeProperties properties;
    private final ConfirmedPublisher publisher;
    private final Clock clock;
    private final JsonMessageReader reader;
    private final Counter applied;
    private final Counter duplicates;
    private final Counter parked;
    private final Counter requeued;

    public ChargeOutcomeListener(ChargeOutcomeService outcomes, ChargeOutcomeProperties properties,
                                 ConfirmedPublisher publisher, JsonMapper json, Clock clock, MeterRegistry meters) {
        this.outcomes = outcomes;
        this.properties = properties;
        this.publisher = publisher;
        this.clock = clock;
        // The worker may add fields before this service knows them: an additive change must not park outcomes.
        this.reader = new JsonMessageReader(json);
        this.applied = received(meters, "applied");
        this.duplicates = received(meters, "duplicate");
        this.parked = received(meters, "parked");
        this.requeued = received(meters, "requeued");
    }

    @Override
    public void onMessage(Message message, Channel channel) throws Exception {
        MessageProperties headers = message.getMessageProperties();
        long deliveryTag = headers.getDeliveryTag();
        String traceId = QueueHeaders.traceId(headers);
        String eventId = headers.getMessageId();
        if (eventId != null) {
            MDC.put(MdcKeys.EVENT_ID, eventId);
        }
        if (traceId != null && !TraceContext.hasCurrentSpan()) {
            MDC.put(MdcKeys.TRACE_ID, traceId);
        }
        try {
            ChargeOutcome outcome = reader.read(message.getBody(), ChargeOutcome.class, "charge outcome");
            ChargeOutcomeService.Applied result = outcomes.apply(outcome);
            channel.basicAck(deliveryTag, false);
            if (result == ChargeOutcomeService.Applied.APPLIED) {
                applied.increment();
                log.info("Charge outcome eventId={} traceId={}: transactionId={} is {}", eventId, traceId,
                        outcome.transactionId(), outcome.status());
            } else {
                duplicates.increment();
                log.info("Charge outcome eventId={} traceId={} for transactionId={} applied before; nothing changed",
                        eventId, traceId, outcome.transactionId());
            }
        } catch (UnreadableMessageException | UnapplicableOutcomeException e) {
            park(message, channel, eventId, traceId, e);
        } catch (RuntimeException e) {
            log.error("Charge outcome eventId={} traceId={} not applied; requeueing it in {}", eventId, traceId,
                    properties.requeueDelay(), e);
            requeue(channel, deliveryTag);
        } finally {
            MDC.remove(MdcKeys.EVENT_ID);
            MDC.remove(MdcKeys.TRACE_ID);
        }
    }

    /**
     * Copies the outcome into the DLQ with why it failed (directly: the default exchange routes by queue name), and
     * acks it only once the broker confirmed the copy. A crash in between leaves it in both queues; the second copy
     * is parked again. If the copy fails, the outcome is requeued and tried again.
     */
    private void park(Message message, Channel channel, String eventId, String traceId, RuntimeException cause)
            throws IOException {
        long deliveryTag = message.getMessageProperties().getDeliveryTag();
        String failureClass = cause instanceof UnreadableMessageException ? "POISON" : "PERMANENT";
        try {
            publisher.publish("", properties.deadLetter(), QueueHeaders.parkedCopy(message, failureClass,
                    cause.getMessage(), 1, clock.instant()));
        } catch (RuntimeException e) {
            log.error("Charge outcome eventId={} traceId={} could not be parked in {} ({}); requeueing it in {}",
                    eventId, traceId, properties.deadLetter(), cause.getMessage(), properties.requeueDelay(), e);
            requeue(channel, deliveryTag);
            return;
        }
        channel.basicAck(deliveryTag, false);
        parked.increment();
        log.error("Charge outcome eventId={} traceId={} parked in {} as {}: {}", eventId, traceId,
                properties.deadLetter(), failureClass, cause.getMessage(), cause);
    }

    private void requeue(Channel channel, long deliveryTag) throws IOException {
        ManualAcks.requeueAfter(properties.requeueDelay(), channel, deliveryTag);
        requeued.increment();
    }

    private static Counter received(MeterRegistry meters, String result) {
        return Counter.builder("charge.outcomes.received").description("Charge outcomes taken off the queue, by result")
                .tag("result", result).register(meters);
    }
}
