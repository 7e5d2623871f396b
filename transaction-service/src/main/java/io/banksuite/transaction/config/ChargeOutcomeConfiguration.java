package io.banksuite.transaction.config;

import io.banksuite.transaction.adapter.in.amqp.ChargeOutcomeListener;
import io.banksuite.transaction.adapter.in.amqp.ChargeOutcomeProperties;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.ExchangeBuilder;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The charge outcomes' queue this service owns, its dead-letter queue, and the container that consumes it. */
@Configuration(proxyBeanMethods = false)
public class ChargeOutcomeConfiguration {

    /**
     * The outcomes exchange (notification-worker declares it too, with the same arguments), the queue bound to it,
     * and the DLQ, bound to the same exchange under its own name: a rejected outcome is dead-lettered there by the
     * broker. RabbitAdmin declares it all whenever a connection opens.
     */
    @Bean
    Declarables chargeOutcomeTopology(ChargeOutcomeProperties properties) {
        DirectExchange exchange = ExchangeBuilder.directExchange(properties.exchange()).durable(true).build();
        Queue queue = QueueBuilder.durable(properties.queue())
                .deadLetterExchange(properties.exchange())
                .deadLetterRoutingKey(properties.deadLetter())
                .build();
        Queue deadLetter = QueueBuilder.durable(properties.deadLetter()).build();
        return new Declarables(exchange, queue, deadLetter,
                BindingBuilder.bind(queue).to(exchange).with(properties.routingKey()),
                BindingBuilder.bind(deadLetter).to(exchange).with(properties.deadLetter()));
    }

    /** Manual acks: the listener acks an outcome only once it is applied (see the listener). */
    @Bean
    SimpleMessageListenerContainer chargeOutcomeContainer(ConnectionFactory connectionFactory,
            ChargeOutcomeProperties properties, ChargeOutcomeListener listener) {
        var container = new SimpleMessageListenerContainer(connectionFactory);
        container.setQueueNames(properties.queue());
        container.setAcknowledgeMode(AcknowledgeMode.MANUAL);
        container.setPrefetchCount(properties.prefetch());
        container.setConcurrentConsumers(properties.concurrency());
        container.setMessageListener(listener);
        container.setAutoStartup(properties.listen());
        return container;
    }
}
