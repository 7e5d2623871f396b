package io.banksuite.runtime.rabbit;

import java.io.IOException;
import java.time.Duration;

import com.rabbitmq.client.Channel;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareMessageListener;

/**
 * How the suite's RabbitMQ consumers take their messages: with manual acks, so that a listener acks a message only
 * once its work is done or the message is safely elsewhere, and with a pause before a requeue, so that a consumer
 * whose dependency is failing does not spin on the same message.
 */
public final class ManualAcks {

    private ManualAcks() {
    }

    /** A container of {@code concurrency} consumers of {@code queue}, each with {@code prefetch} unacked at most. */
    public static SimpleMessageListenerContainer container(ConnectionFactory connectionFactory, String queue,
            ChannelAwareMessageListener listener, int prefetch, int concurrency) {
        var container = new SimpleMessageListenerContainer(connectionFactory);
        container.setQueueNames(queue);
        container.setAcknowledgeMode(AcknowledgeMode.MANUAL);
        container.setPrefetchCount(prefetch);
        container.setConcurrentConsumers(concurrency);
        container.setMessageListener(listener);
        return container;
    }

    /**
     * Back-pressure, then the message back to its queue: this consumer stops taking work for {@code pause} while a
     * dependency of ours is failing. Interrupted (shutting down), it requeues at once and keeps the interrupt.
     */
    public static void requeueAfter(Duration pause, Channel channel, long deliveryTag) throws IOException {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        channel.basicNack(deliveryTag, false, true);
    }
}
