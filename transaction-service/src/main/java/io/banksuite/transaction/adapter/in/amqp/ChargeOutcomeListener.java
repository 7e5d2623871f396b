package io.banksuite.transaction.adapter.in.amqp;

import java.nio.charset.StandardCharsets;

import com.rabbitmq.client.Channel;
import io.banksuite.schemas.MdcKeys;
import io.banksuite.schemas.MessageHeaders;
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
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes charge outcomes off this service's queue (manual acks) and applies each to its transaction
 * ({@link ChargeOutcomeService}). An outcome is acked only once applied (or found applied before), so a crash
 * redelivers it and the second delivery changes nothing. One that can never be applied (unreadable, for an unknown
 * transaction, contradicting the applied one) is rejected without requeue: the queue dead-letters it into its DLQ,
 * where an operator sees it, and the queue keeps flowing. A failure on our side (the database) requeues it after a
 * pause.
 *
 * <p>Meter {@code charge.outcomes.received{result}}: applied, duplicate, parked, requeued.
 */
@Component
public class ChargeOutcomeListener implements ChannelAwareMessageListener {

    private static final Logger log = LoggerFactory.getLogger(ChargeOutcomeListener.class);

    private final ChargeOutcomeService outcomes;
    private final ChargeOutcomeProperties properties;
    private final JsonMapper json;
    private final Counter applied;
    private final Counter duplicates;
    private final Counter parked;
    private final Counter requeued;

    public ChargeOutcomeListener(ChargeOutcomeService outcomes, ChargeOutcomeProperties properties, JsonMapper json,
                                 MeterRegistry meters) {
        this.outcomes = outcomes;
        this.properties = properties;
        // The worker may add fields before this service knows them: an additive change must not park outcomes.
        this.json = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        this.applied = received(meters, "applied");
        this.duplicates = received(meters, "duplicate");
        this.parked = received(meters, "parked");
        this.requeued = received(meters, "requeued");
    }

    @Override
    public void onMessage(Message message, Channel channel) throws Exception {
        MessageProperties headers = message.getMessageProperties();
        long deliveryTag = headers.getDeliveryTag();
        Object traceparent = headers.getHeaders().get(MessageHeaders.TRACEPARENT);
        String traceId = TraceContext.traceIdOrNull(traceparent == null ? null : traceparent.toString());
        String eventId = headers.getMessageId();
        if (eventId != null) {
            MDC.put(MdcKeys.EVENT_ID, eventId);
        }
        if (traceId != null && !TraceContext.hasCurrentSpan()) {
            MDC.put(MdcKeys.TRACE_ID, traceId);
        }
        try {
            ChargeOutcome outcome = read(message.getBody());
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
        } catch (UnreadableOutcomeException | UnapplicableOutcomeException e) {
            log.error("Charge outcome eventId={} traceId={} parked in {}: {}", eventId, traceId,
                    properties.deadLetter(), e.getMessage(), e);
            channel.basicReject(deliveryTag, false);
            parked.increment();
        } catch (RuntimeException e) {
            log.error("Charge outcome eventId={} traceId={} not applied; requeueing it in {}", eventId, traceId,
                    properties.requeueDelay(), e);
            pauseBeforeRequeue();
            channel.basicNack(deliveryTag, false, true);
            requeued.increment();
        } finally {
            MDC.remove(MdcKeys.EVENT_ID);
            MDC.remove(MdcKeys.TRACE_ID);
        }
    }

    private ChargeOutcome read(byte[] body) {
        if (body == null || body.length == 0) {
            throw new UnreadableOutcomeException("empty body", null);
        }
        try {
            ChargeOutcome outcome = json.readValue(body, ChargeOutcome.class);
            if (outcome == null) {
                throw new UnreadableOutcomeException("body is JSON null", null);
            }
            return outcome;
        } catch (JacksonException e) {
            throw new UnreadableOutcomeException("not a valid charge outcome: " + e.getOriginalMessage() + " ("
                    + new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8) + ")", e);
        }
    }

    private void pauseBeforeRequeue() {
        try {
            Thread.sleep(properties.requeueDelay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Counter received(MeterRegistry meters, String result) {
        return Counter.builder("charge.outcomes.received").description("Charge outcomes taken off the queue, by result")
                .tag("result", result).register(meters);
    }

    /** The body is not a charge outcome. */
    static class UnreadableOutcomeException extends RuntimeException {
        UnreadableOutcomeException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
