package io.banksuite.transaction.config;

import io.banksuite.runtime.deadletter.ReplayLimits;
import io.banksuite.runtime.rabbit.ConfirmedPublisher;
import io.banksuite.runtime.rabbit.ManualAcks;
import io.banksuite.runtime.rabbit.RabbitDeadLetterQueue;
import io.banksuite.transaction.adapter.in.amqp.ChargeOutcomeListener;
import io.banksuite.transaction.adapter.in.amqp.ChargeOutcomeProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.ExchangeBuilder;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The charge outcomes' queue this service owns, its dead-letter queue, and the container that consumes it. */
@Configuration(proxyBeanMethods = false)
public class ChargeOutcomeConfiguration {

    /**
     * The outcomes exchange (notification-worker declares it too, with the same arguments), the queue bound to it,
     * and the DLQ, which is bound to nothing: the listener parks into it, and a replay sends back to the queue,
     * through the default exchange, so no other consumer of the exchange sees either. RabbitAdmin declares it all
     * whenever a connection opens.
     */
    @Bean
    Declarables chargeOutcomeTopology(ChargeOutcomeProperties properties) {
        DirectExchange exchange = ExchangeBuilder.directExchange(properties.exchange()).durable(true).build();
        Queue queue = QueueBuilder.durable(properties.queue()).build();
        Queue deadLetter = QueueBuilder.durable(properties.deadLetter()).build();
        return new Declarables(exchange, queue, deadLetter,
                BindingBuilder.bind(queue).to(exchange).with(properties.routingKey()));
    }

    @Bean
    ConfirmedPublisher confirmedPublisher(RabbitTemplate rabbitTemplate, ChargeOutcomeProperties properties) {
        return new ConfirmedPublisher(rabbitTemplate, properties.confirmTimeout());
    }

    /** The parked outcomes for operators ({@code /api/v1/admin/dead-letters}), replayed to the queue they left. */
    @Bean
    RabbitDeadLetterQueue chargeOutcomeDeadLetters(RabbitTemplate rabbitTemplate, ConfirmedPublisher publisher,
                                                   ChargeOutcomeProperties properties, MeterRegistry meters) {
        Counter replayed = Counter.builder("charge.outcomes.dlq.replayed")
                .description("Parked charge outcomes an operator sent back to the queue").register(meters);
        return new RabbitDeadLetterQueue(rabbitTemplate, publisher, properties.deadLetter(), "", properties.queue(),
                new ReplayLimits(properties.replayDefaultMax(), properties.replayMaxPerCall()), replayed::increment);
    }

    /** Manual acks: the listener acks an outcome only once it is applied (see the listener). */
    @Bean
    SimpleMessageListenerContainer chargeOutcomeContainer(ConnectionFactory connectionFactory,
            ChargeOutcomeProperties properties, ChargeOutcomeListener listener) {
        var container = ManualAcks.container(connectionFactory, properties.queue(), listener, properties.prefetch(),
                properties.concurrency());
        container.setAutoStartup(properties.listen());
        return container;
    }
}
