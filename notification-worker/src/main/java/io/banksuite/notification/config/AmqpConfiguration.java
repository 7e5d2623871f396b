package io.banksuite.notification.config;

import java.util.ArrayList;
import java.util.List;

import io.banksuite.notification.adapter.in.amqp.NotificationJobListener;
import io.banksuite.notification.adapter.in.amqp.NotificationQueueProperties;
import io.banksuite.notification.adapter.in.amqp.NotificationQueueProperties.Tier;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.ExchangeBuilder;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.boot.amqp.autoconfigure.RabbitTemplateCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The RabbitMQ topology the worker owns, and the container that feeds its listener. */
@Configuration(proxyBeanMethods = false)
public class AmqpConfiguration {

    /**
     * The whole notification topology (the worker owns it; fraud-service only declares the exchange). Boot's
     * RabbitAdmin declares it whenever a connection opens, so a broker restart or a deleted queue heals itself.
     */
    @Bean
    Declarables notificationTopology(NotificationQueueProperties properties) {
        DirectExchange exchange = ExchangeBuilder.directExchange(properties.exchange()).durable(true).build();
        List<Declarable> declarables = new ArrayList<>();
        declarables.add(exchange);

        Queue work = QueueBuilder.durable(properties.queues().work()).build();
        declarables.add(work);
        declarables.add(BindingBuilder.bind(work).to(exchange).with(properties.routingKey()));

        for (Tier tier : properties.retry().tiers()) {
            // Nobody consumes a retry queue: messages wait out the TTL, then the broker dead-letters them back to
            // the work exchange and routing key.
            Queue retry = QueueBuilder.durable(tier.queue())
                    .ttl((int) tier.ttl().toMillis())
                    .deadLetterExchange(properties.exchange())
                    .deadLetterRoutingKey(properties.routingKey())
                    .build();
            declarables.add(retry);
            declarables.add(BindingBuilder.bind(retry).to(exchange).with(tier.queue()));
        }

        Queue deadLetter = QueueBuilder.durable(properties.queues().deadLetter()).build();
        declarables.add(deadLetter);
        declarables.add(BindingBuilder.bind(deadLetter).to(exchange).with(properties.queues().deadLetter()));
        return new Declarables(declarables);
    }

    /**
     * Publishes on a connection of its own, so that broker flow control on publishers (memory or disk alarms)
     * cannot block the consumers that would drain the queues.
     */
    @Bean
    RabbitTemplateCustomizer publisherConnectionCustomizer() {
        return template -> template.setUsePublisherConnection(true);
    }

    /** Manual acks: the listener acks only after the job is sent or safely republished (see the listener). */
    @Bean
    SimpleMessageListenerContainer notificationJobContainer(ConnectionFactory connectionFactory,
            NotificationQueueProperties properties, NotificationJobListener listener) {
        var container = new SimpleMessageListenerContainer(connectionFactory);
        container.setQueueNames(properties.queues().work());
        container.setAcknowledgeMode(AcknowledgeMode.MANUAL);
        container.setPrefetchCount(properties.consumer().prefetch());
        container.setConcurrentConsumers(properties.consumer().concurrency());
        container.setMessageListener(listener);
        return container;
    }
}
