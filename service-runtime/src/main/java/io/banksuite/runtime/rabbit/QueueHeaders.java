package io.banksuite.runtime.rabbit;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.banksuite.schemas.MessageHeaders;
import io.banksuite.schemas.tracing.TraceContext;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;

/**
 * The headers a consuming service puts on the messages it moves between its own queues (retry tiers, its
 * dead-letter queue); operators see the x-failure-* ones on parked messages. The headers that cross services
 * (traceparent) are in schemas ({@link io.banksuite.schemas.MessageHeaders}).
 */
public final class QueueHeaders {

    /** How many retry tiers the message has been through; absent means 0 (first attempt). */
    public static final String RETRY_COUNT = "x-retry-count";
    /** TRANSIENT, PERMANENT or POISON. */
    public static final String FAILURE_CLASS = "x-failure-class";
    /** Human-readable cause of the last failure and why the consumer gave up. */
    public static final String FAILURE_REASON = "x-failure-reason";
    /** Delivery attempts made before the message was dead-lettered. */
    public static final String ATTEMPTS = "x-attempts";
    /** ISO-8601 instant at which the message was dead-lettered. */
    public static final String FAILED_AT = "x-failed-at";
    public static final String ORIGINAL_QUEUE = "x-original-queue";
    public static final String ORIGINAL_EXCHANGE = "x-original-exchange";
    public static final String ORIGINAL_ROUTING_KEY = "x-original-routing-key";
    /** How many times an operator replayed this message from the DLQ. */
    public static final String REPLAY_COUNT = "x-replay-count";
    /** Set by the broker each time the message is dead-lettered (here: expired from a retry queue). */
    public static final String X_DEATH = "x-death";

    /** Headers describing a previous failure cycle; a replay removes them so the message starts afresh. */
    public static final List<String> FAILURE_CYCLE_HEADERS = List.of(RETRY_COUNT, FAILURE_CLASS, FAILURE_REASON, ATTEMPTS,
            FAILED_AT, ORIGINAL_QUEUE, ORIGINAL_EXCHANGE, ORIGINAL_ROUTING_KEY, X_DEATH, "x-first-death-queue",
            "x-first-death-reason", "x-first-death-exchange", "x-last-death-queue", "x-last-death-reason",
            "x-last-death-exchange", "retry-count");

    private static final int MAX_REASON_LENGTH = 1000;

    private QueueHeaders() {
    }

    /**
     * The retry count carried by the message. A missing, negative or non-numeric value counts as 0: the worst case
     * is one extra pass through the tiers, never a lost message.
     */
    public static int retryCount(MessageProperties properties) {
        return nonNegativeInt(properties.getHeaders().get(RETRY_COUNT));
    }

    public static int replayCount(MessageProperties properties) {
        return nonNegativeInt(properties.getHeaders().get(REPLAY_COUNT));
    }

    /** The message's W3C {@code traceparent} header, or null. */
    public static String traceparent(MessageProperties properties) {
        return stringHeader(properties, MessageHeaders.TRACEPARENT);
    }

    /** The trace id of the message's {@code traceparent} header, or null. */
    public static String traceId(MessageProperties properties) {
        return TraceContext.traceIdOrNull(traceparent(properties));
    }

    public static String stringHeader(MessageProperties properties, String name) {
        Object value = properties.getHeaders().get(name);
        return value == null ? null : value.toString();
    }

    /**
     * The retry queues the broker says this message expired from (x-death entries with reason "expired"), listed
     * in the order of {@code retryQueues} (the tier order). The broker's own order cannot be used: RabbitMQ regroups
     * x-death entries, so only the first entry (the latest death) has a reliable position.
     */
    public static List<String> retriedVia(MessageProperties properties, List<String> retryQueues) {
        if (!(properties.getHeaders().get(X_DEATH) instanceof List<?> deaths)) {
            return List.of();
        }
        Set<String> expiredFrom = new HashSet<>();
        for (Object death : deaths) {
            if (death instanceof Map<?, ?> entry && entry.get("queue") != null
                    && "expired".equals(String.valueOf(entry.get("reason")))) {
                expiredFrom.add(entry.get("queue").toString());
            }
        }
        return retryQueues.stream().filter(expiredFrom::contains).toList();
    }

    /**
     * The copy of a message its consumer parks in a dead-letter queue: the original's identity, body and headers,
     * plus why and when it failed and where it was consumed from.
     *
     * @param failureClass TRANSIENT (retries exhausted), PERMANENT or POISON
     */
    public static Message parkedCopy(Message original, String failureClass, String reason, int attempts,
                                     Instant failedAt) {
        MessageProperties received = original.getMessageProperties();
        Map<String, Object> failure = new HashMap<>();
        failure.put(FAILURE_CLASS, failureClass);
        failure.put(FAILURE_REASON, reason.length() <= MAX_REASON_LENGTH ? reason
                : reason.substring(0, MAX_REASON_LENGTH) + "...");
        failure.put(ATTEMPTS, attempts);
        failure.put(RETRY_COUNT, retryCount(received));
        failure.put(FAILED_AT, failedAt.toString());
        putIfPresent(failure, ORIGINAL_QUEUE, received.getConsumerQueue());
        putIfPresent(failure, ORIGINAL_EXCHANGE, received.getReceivedExchange());
        putIfPresent(failure, ORIGINAL_ROUTING_KEY, received.getReceivedRoutingKey());
        return copyOf(original, failure);
    }

    /**
     * A persistent copy carrying the original's identity and headers plus {@code extraHeaders}. Broker-set
     * properties (delivery tag, redelivered, user id) are not copied.
     */
    public static Message copyOf(Message original, Map<String, Object> extraHeaders) {
        MessageProperties in = original.getMessageProperties();
        MessageProperties out = new MessageProperties();
        out.getHeaders().putAll(in.getHeaders());
        out.getHeaders().putAll(extraHeaders);
        out.setMessageId(in.getMessageId());
        out.setCorrelationId(in.getCorrelationId());
        out.setContentType(in.getContentType());
        out.setContentEncoding(in.getContentEncoding());
        out.setTimestamp(in.getTimestamp());
        out.setAppId(in.getAppId());
        out.setType(in.getType());
        out.setPriority(in.getPriority());
        out.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        return new Message(original.getBody(), out);
    }

    private static void putIfPresent(Map<String, Object> headers, String name, String value) {
        if (value != null) {
            headers.put(name, value);
        }
    }

    private static int nonNegativeInt(Object value) {
        long parsed;
        if (value instanceof Number number) {
            parsed = number.longValue();
        } else if (value != null) {
            try {
                parsed = Long.parseLong(value.toString().trim());
            } catch (NumberFormatException e) {
                return 0;
            }
        } else {
            return 0;
        }
        return (int) Math.max(0, Math.min(parsed, Integer.MAX_VALUE));
    }
}
