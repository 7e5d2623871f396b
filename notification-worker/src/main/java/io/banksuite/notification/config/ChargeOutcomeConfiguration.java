package io.banksuite.notification.config;

import java.time.Clock;
import javax.sql.DataSource;

import io.banksuite.notification.adapter.out.messaging.ChargeOutcomeProperties;
import io.banksuite.outbox.OutboxMetrics;
import io.banksuite.outbox.OutboxStore;
import io.banksuite.outbox.OutboxWriter;
import io.banksuite.outbox.amqp.RabbitOutboxPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.ExchangeBuilder;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The worker's outbox (library classes, built here), which carries each charge outcome to transaction-service, and
 * the exchange it is published to.
 */
@Configuration(proxyBeanMethods = false)
public class ChargeOutcomeConfiguration {

    @Bean
    OutboxWriter outboxWriter(DataSource dataSource) {
        return new OutboxWriter(dataSource);
    }

    @Bean
    OutboxStore outboxStore(DataSource dataSource) {
        return new OutboxStore(dataSource);
    }

    @Bean
    OutboxMetrics outboxMetrics(MeterRegistry meters, OutboxStore store, Clock clock) {
        return new OutboxMetrics(meters, store, OutboxMetrics.CHARGE_OUTCOMES, clock);
    }

    /** Publishes the committed outcomes and purges sent rows (it schedules both). */
    @Bean
    RabbitOutboxPublisher outboxPublisher(OutboxStore store, RabbitTemplate rabbit, ChargeOutcomeProperties outcomes,
                                          Clock clock, OutboxMetrics metrics) {
        return new RabbitOutboxPublisher(store, rabbit, outcomes.outbox(), clock, metrics);
    }

    /**
     * Only the exchange: transaction-service owns and declares its queue and the binding. Until it has, a publish
     * is returned (mandatory) and the outcome waits in the outbox.
     */
    @Bean
    DirectExchange chargeOutcomesExchange(ChargeOutcomeProperties outcomes) {
        return ExchangeBuilder.directExchange(outcomes.exchange()).durable(true).build();
    }
}
