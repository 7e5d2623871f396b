package io.banksuite.notification.adapter.amqp;

import io.banksuite.notification.application.DeliverNotificationService;
import io.banksuite.notification.config.NotificationProperties;
import io.banksuite.notification.config.NotificationProperties.Tier;
import io.banksuite.notification.domain.RetryPolicy;
import io.banksuite.notification.metrics.NotificationMetrics;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.ExchangeBuilder;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.boot.amqp.autoconfigure.RabbitTemplateCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
public class AmqpConfiguration {

    /**
     * The whole notification topology (the worker owns it; fraud-service only declares the exchange). Boot's
     * RabbitAdmin declares it whenever a connection opens, so a broker restart or a deleted queue heals itself.
     */
    @Bean
    Declarables notificationTopology(NotificationProperties properties) {
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
     * Publishes on a connection of their own, so that broker flow control on publishers (memory or disk alarms)
     * cannot block the consumers that would drain the queues.
     */
    @Bean
    RabbitTemplateCustomizer publisherConnectionCustomizer() {
        return template -> template.setUsePublisherConnection(true);
    }

    @Bean
    ConfirmedPublisher confirmedPublisher(RabbitTemplate rabbitTemplate, NotificationProperties properties) {
        return new ConfirmedPublisher(rabbitTemplate, properties.exchange(), properties.publisher().confirmTimeout());
    }

    @Bean
    FailedJobRouter failedJobRouter(ConfirmedPublisher publisher, NotificationProperties properties, Clock clock) {
        return new FailedJobRouter(publisher, properties, clock);
    }

    @Bean
    DeadLetterReplayer deadLetterReplayer(RabbitTemplate rabbitTemplate, ConfirmedPublisher publisher,
            NotificationProperties properties, NotificationMetrics metrics) {
        return new DeadLetterReplayer(rabbitTemplate, publisher, properties.queues().deadLetter(),
                properties.routingKey(), metrics);
    }

    @Bean
    NotificationJobListener notificationJobListener(JsonMapper jsonMapper, DeliverNotificationService service,
            RetryPolicy retryPolicy, FailedJobRouter router, NotificationMetrics metrics,
            NotificationProperties properties) {
        List<String> retryQueues = properties.retry().tiers().stream().map(Tier::queue).toList();
        return new NotificationJobListener(new NotificationJobCodec(jsonMapper), service, retryPolicy, router,
                metrics, retryQueues, properties.consumer().requeueDelay());
    }

    /** Manual acks: the listener acks only after the job is sent or safely republished (see the listener). */
    @Bean
    SimpleMessageListenerContainer notificationJobContainer(ConnectionFactory connectionFactory,
            NotificationProperties properties, NotificationJobListener listener) {
        var container = new SimpleMessageListenerContainer(connectionFactory);
        container.setQueueNames(properties.queues().work());
        container.setAcknowledgeMode(AcknowledgeMode.MANUAL);
        container.setPrefetchCount(properties.consumer().prefetch());
        container.setConcurrentConsumers(properties.consumer().concurrency());
        container.setMessageListener(listener);
        return container;
    }
}
