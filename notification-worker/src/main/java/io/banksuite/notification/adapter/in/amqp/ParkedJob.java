package io.banksuite.notification.adapter.in.amqp;

import java.nio.charset.StandardCharsets;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;

/**
 * A job parked in the dead-letter queue, as an operator sees it: the headers the worker wrote when it gave up.
 *
 * @param messageId          the message id (the job id, unless the message was poison)
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
public record ParkedJob(String messageId, String failureClass, String failureReason, Integer attempts,
                        int retryCount, String failedAt, String originalQueue, String originalExchange,
                        String originalRoutingKey, int replayCount, String traceId, String body) {

    static final int MAX_BODY = 2000;

    static ParkedJob of(Message message) {
        MessageProperties p = message.getMessageProperties();
        String attempts = NotificationHeaders.stringHeader(p, NotificationHeaders.ATTEMPTS);
        String body = message.getBody() == null ? null : new String(message.getBody(), StandardCharsets.UTF_8);
        return new ParkedJob(p.getMessageId(),
                NotificationHeaders.stringHeader(p, NotificationHeaders.FAILURE_CLASS),
                NotificationHeaders.stringHeader(p, NotificationHeaders.FAILURE_REASON),
                attempts == null ? null : parse(attempts),
                NotificationHeaders.retryCount(p),
                NotificationHeaders.stringHeader(p, NotificationHeaders.FAILED_AT),
                NotificationHeaders.stringHeader(p, NotificationHeaders.ORIGINAL_QUEUE),
                NotificationHeaders.stringHeader(p, NotificationHeaders.ORIGINAL_EXCHANGE),
                NotificationHeaders.stringHeader(p, NotificationHeaders.ORIGINAL_ROUTING_KEY),
                NotificationHeaders.replayCount(p),
                DeadLetterQueue.traceIdOf(p),
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
