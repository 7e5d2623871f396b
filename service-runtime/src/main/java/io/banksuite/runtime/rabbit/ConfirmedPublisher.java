package io.banksuite.runtime.rabbit;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * Publishes and returns only once the broker has taken responsibility for the message: a positive publisher
 * confirm and no mandatory return (a return means no queue was bound for the routing key, and the broker still acks
 * such a message). Callers ack the message they are moving only after this returns.
 */
public class ConfirmedPublisher {

    private final RabbitTemplate rabbitTemplate;
    private final Duration confirmTimeout;

    /**
     * @param rabbitTemplate a template with correlated publisher confirms, publisher returns and {@code mandatory}
     * @param confirmTimeout how long to wait for the confirm before the publish counts as failed
     */
    public ConfirmedPublisher(RabbitTemplate rabbitTemplate, Duration confirmTimeout) {
        this.rabbitTemplate = rabbitTemplate;
        this.confirmTimeout = confirmTimeout;
    }

    public void publish(String exchange, String routingKey, Message message) {
        // The id must be unique for the template to attach a returned message to this correlation.
        var correlation = new CorrelationData(UUID.randomUUID().toString());
        rabbitTemplate.send(exchange, routingKey, message, correlation);
        CorrelationData.Confirm confirm;
        try {
            confirm = correlation.getFuture().get(confirmTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw notConfirmed(exchange, routingKey, message, "interrupted waiting for the publisher confirm", e);
        } catch (TimeoutException e) {
            throw notConfirmed(exchange, routingKey, message, "no publisher confirm within " + confirmTimeout, e);
        } catch (ExecutionException e) {
            throw notConfirmed(exchange, routingKey, message, "confirm failed", e.getCause());
        }
        if (!confirm.ack()) {
            throw notConfirmed(exchange, routingKey, message, "broker nacked it (" + confirm.reason() + ")", null);
        }
        // Returns always arrive before the confirm, so this check is race-free once the future completed.
        if (correlation.getReturned() != null) {
            var returned = correlation.getReturned();
            throw notConfirmed(exchange, routingKey, message, "unroutable, returned with " + returned.getReplyCode()
                    + " " + returned.getReplyText(), null);
        }
    }

    /** Built only when a publish failed: the hot path formats nothing. */
    private static PublishNotConfirmedException notConfirmed(String exchange, String routingKey, Message message,
                                                             String what, Throwable cause) {
        return new PublishNotConfirmedException("publish of messageId=" + message.getMessageProperties().getMessageId()
                + " to exchange '" + exchange + "' with routing key '" + routingKey + "': " + what, cause);
    }

    /** The broker did not confirm the publish: the caller must not ack the source message. */
    public static class PublishNotConfirmedException extends AmqpException {
        PublishNotConfirmedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
