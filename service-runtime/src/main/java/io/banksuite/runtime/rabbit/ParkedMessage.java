package io.banksuite.runtime.rabbit;

import java.nio.charset.StandardCharsets;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;

/**
 * A message parked in a dead-letter queue, as an operator sees it: the headers its consumer wrote when it gave up.
 *
 * @param messageId          the message id (the job or event id, unless the message was poison)
 * @param failureClass       TRANSIENT (retries exhausted), PERMANENT or POISON
 * @param failureReason      what went wrong, and why the worker gave up
 * @param attempts           delivery attempts made
 * @param retryCount         retry tiers used
 * @param failedAt           when it was parked (ISO-8601)
 * @param originalQueue      where it was consumed from
 * @param originalExchange   the exchange it came through
 * @param originalRoutingKey its routing key there
 * @param replayCount        how often an operator has replayed it before
 * @param traceId            the trace id of its traceparent, if any
 * @param body               the message body as text, at most {@value #MAX_BODY} characters
 */
public record ParkedMessage(String messageId, String failureClass, String failureReason, Integer attempts,
                        int retryCount, String failedAt, String originalQueue, String originalExchange,
                        String originalRoutingKey, int replayCount, String traceId, String body) {

    static final int MAX_BODY = 2000;

    public static ParkedMessage of(Message message) {
        MessageProperties p = message.getMessageProperties();
        String attempts = QueueHeaders.stringHeader(p, QueueHeaders.ATTEMPTS);
        String body = message.getBody() == null ? null : new String(message.getBody(), StandardCharsets.UTF_8);
        return new ParkedMessage(p.getMessageId(),
                QueueHeaders.stringHeader(p, QueueHeaders.FAILURE_CLASS),
                QueueHeaders.stringHeader(p, QueueHeaders.FAILURE_REASON),
                attempts == null ? null : parse(attempts),
                QueueHeaders.retryCount(p),
                QueueHeaders.stringHeader(p, QueueHeaders.FAILED_AT),
                QueueHeaders.stringHeader(p, QueueHeaders.ORIGINAL_QUEUE),
                QueueHeaders.stringHeader(p, QueueHeaders.ORIGINAL_EXCHANGE),
                QueueHeaders.stringHeader(p, QueueHeaders.ORIGINAL_ROUTING_KEY),
                QueueHeaders.replayCount(p),
                QueueHeaders.traceId(p),
                body == null || body.length() <= MAX_BODY ? body : body.substring(0, MAX_BODY) + "...");
    }

    private static Integer parse(String number) {
        try {
            return Integer.valueOf(number.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
