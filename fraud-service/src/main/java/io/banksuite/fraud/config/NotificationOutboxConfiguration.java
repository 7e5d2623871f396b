package io.banksuite.fraud.config;

import io.banksuite.fraud.adapter.out.messaging.ChargeOutboxProperties;
import io.banksuite.fraud.adapter.out.messaging.NotificationOutboxProperties;
import io.banksuite.outbox.OutboxMetrics;
import io.banksuite.outbox.OutboxStore;
import io.banksuite.outbox.OutboxWriter;
import io.banksuite.outbox.amqp.RabbitOutboxPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.amqp.core.ExchangeBuilder;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.amqp.autoconfigure.RabbitTemplateCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The outbox of notification jobs (library classes, built here) and the RabbitMQ side of publishing them. */
@Configuration(proxyBeanMethods = false)
public class NotificationOutboxConfiguration {

    private static final Logger log = LoggerFactory.getLogger(NotificationOutboxConfiguration.class);

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
        return new OutboxMetrics(meters, store, OutboxMetrics.NOTIFICATION_JOBS, clock);
    }

    /** Publishes the alerts and charge requests of the outbox once committed, and purges sent rows (it schedules both). */
    @Bean
    RabbitOutboxPublisher outboxPublisher(OutboxStore store, RabbitTemplate rabbit,
                                          NotificationOutboxProperties notification, Clock clock, OutboxMetrics metrics) {
        return new RabbitOutboxPublisher(store, rabbit, notification.outbox(), clock, metrics);
    }

    /**
     * Only the alerts fanout: notification-worker owns and declares the queues it feeds and their bindings. Declared
     * by RabbitAdmin on every (re)connection, so publishing never hits a missing exchange; with no queue bound yet,
     * a publish is returned (mandatory) and the row stays unsent until the worker has declared them.
     */
    @Bean
    FanoutExchange alertsExchange(NotificationOutboxProperties notification) {
        return ExchangeBuilder.fanoutExchange(notification.exchange()).durable(true).build();
    }

    /** Only the charges exchange, likewise: notification-worker owns the charge queue and its retries. */
    @Bean
    DirectExchange chargesExchange(ChargeOutboxProperties charge) {
        return ExchangeBuilder.directExchange(charge.exchange()).durable(true).build();
    }

    /**
     * The publisher sees a return on the job's CorrelationData, logs it with the trace id and retries; without a
     * callback the template would log a context-free warning of its own.
     */
    @Bean
    RabbitTemplateCustomizer returnedJobsAreLogged() {
        return template -> template.setReturnsCallback(returned -> log.debug(
                "Outbox message {} returned unroutable by exchange {} (routing key {}): {} {}",
                returned.getMessage().getMessageProperties().getMessageId(), returned.getExchange(),
                returned.getRoutingKey(), returned.getReplyCode(), returned.getReplyText()));
    }
}
