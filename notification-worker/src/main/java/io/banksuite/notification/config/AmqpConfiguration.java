package io.banksuite.notification.config;

import java.util.ArrayList;
import java.util.List;

import io.banksuite.notification.adapter.in.amqp.AuditJobHandler;
import io.banksuite.notification.adapter.in.amqp.ChargeJobHandler;
import io.banksuite.notification.adapter.in.amqp.FailedJobRouter;
import io.banksuite.notification.adapter.in.amqp.JobHandler;
import io.banksuite.notification.adapter.in.amqp.JobMetrics;
import io.banksuite.notification.adapter.in.amqp.JobQueueListener;
import io.banksuite.notification.adapter.in.amqp.NotificationJobHandler;
import io.banksuite.notification.adapter.in.amqp.WorkerQueueProperties;
import io.banksuite.notification.adapter.in.amqp.WorkerQueueProperties.QueueSettings;
import io.banksuite.notification.adapter.in.amqp.WorkerQueueProperties.Tier;
import io.banksuite.runtime.deadletter.ReplayLimits;
import io.banksuite.runtime.rabbit.ConfirmedPublisher;
import io.banksuite.runtime.rabbit.ManualAcks;
import io.banksuite.runtime.rabbit.RabbitDeadLetterQueue;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.ExchangeBuilder;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.boot.amqp.autoconfigure.RabbitTemplateCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * The RabbitMQ topology the worker owns, and per work queue (notifications, audit, charges) its listener, container,
 * metrics and dead-letter queue.
 */
@Configuration(proxyBeanMethods = false)
public class AmqpConfiguration {

    /**
     * The alerts fanout and both work queues with their tiers and DLQs (fraud-service declares only the fanout).
     * Boot's RabbitAdmin declares it all whenever a connection opens, so a broker restart or a deleted queue heals
     * itself.
     */
    @Bean
    Declarables workerTopology(WorkerQueueProperties properties) {
        FanoutExchange alerts = ExchangeBuilder.fanoutExchange(properties.alertsExchange()).durable(true).build();
        List<Declarable> declarables = new ArrayList<>();
        declarables.add(alerts);
        for (QueueSettings queue : properties.queues().all()) {
            declarables.addAll(topologyOf(queue));
        }
        for (QueueSettings queue : properties.queues().alertQueues()) {
            // Each alert reaches both alert queues once, through the fanout; retries come back through the queue's
            // own exchange, so a retried notification is never audited twice, nor the reverse.
            declarables.add(BindingBuilder.bind(new Queue(queue.work())).to(alerts));
        }
        return new Declarables(declarables);
    }

    /** One work queue: its direct exchange, the queue, each retry tier (dead-lettering back to it) and its DLQ. */
    private static List<Declarable> topologyOf(QueueSettings queue) {
        DirectExchange exchange = ExchangeBuilder.directExchange(queue.exchange()).durable(true).build();
        List<Declarable> declarables = new ArrayList<>();
        declarables.add(exchange);
        Queue work = QueueBuilder.durable(queue.work()).build();
        declarables.add(work);
        declarables.add(BindingBuilder.bind(work).to(exchange).with(queue.routingKey()));
        for (Tier tier : queue.tiers()) {
            // Nobody consumes a retry queue: messages wait out the TTL, then the broker dead-letters them back to
            // the work queue's exchange and routing key.
            Queue retry = QueueBuilder.durable(tier.queue())
                    .ttl((int) tier.ttl().toMillis())
                    .deadLetterExchange(queue.exchange())
                    .deadLetterRoutingKey(queue.routingKey())
                    .build();
            declarables.add(retry);
            declarables.add(BindingBuilder.bind(retry).to(exchange).with(tier.queue()));
        }
        Queue deadLetter = QueueBuilder.durable(queue.deadLetter()).build();
        declarables.add(deadLetter);
        declarables.add(BindingBuilder.bind(deadLetter).to(exchange).with(queue.deadLetter()));
        return declarables;
    }

    /**
     * Publishes on a connection of its own, so that broker flow control on publishers (memory or disk alarms)
     * cannot block the consumers that would drain the queues.
     */
    @Bean
    RabbitTemplateCustomizer publisherConnectionCustomizer() {
        return template -> template.setUsePublisherConnection(true);
    }

    @Bean
    JobMetrics notificationJobMetrics(MeterRegistry meters, WorkerQueueProperties properties) {
        return new JobMetrics(meters, "notification", "sent", "Jobs accepted by the provider",
                properties.queues().notifications().tierNames());
    }

    @Bean
    JobMetrics auditJobMetrics(MeterRegistry meters, WorkerQueueProperties properties) {
        return new JobMetrics(meters, "audit", "recorded", "Alerts appended to the audit log",
                properties.queues().audit().tierNames());
    }

    @Bean
    JobMetrics chargeJobMetrics(MeterRegistry meters, WorkerQueueProperties properties) {
        return new JobMetrics(meters, "charge", "decided", "Charge requests that reached an outcome (settled or "
                + "declined)", properties.queues().charges().tierNames().stream().distinct().toList());
    }

    @Bean
    JobQueueListener chargeJobListener(WorkerQueueProperties properties, ChargeJobHandler handler,
                                       FailedJobRouter router, JobMetrics chargeJobMetrics) {
        return listener(properties, properties.queues().charges(), handler, router, chargeJobMetrics);
    }

    @Bean
    SimpleMessageListenerContainer chargeJobContainer(ConnectionFactory connectionFactory,
            WorkerQueueProperties properties, JobQueueListener chargeJobListener) {
        return container(connectionFactory, properties, chargeJobListener);
    }

    @Bean
    @Order(3)
    RabbitDeadLetterQueue chargeDeadLetters(RabbitTemplate rabbitTemplate, ConfirmedPublisher publisher,
            WorkerQueueProperties properties, JobMetrics chargeJobMetrics) {
        return deadLetters(rabbitTemplate, publisher, properties.queues().charges(), properties, chargeJobMetrics);
    }

    @Bean
    JobQueueListener notificationJobListener(WorkerQueueProperties properties, NotificationJobHandler handler,
                                             FailedJobRouter router, JobMetrics notificationJobMetrics) {
        return listener(properties, properties.queues().notifications(), handler, router, notificationJobMetrics);
    }

    @Bean
    JobQueueListener auditJobListener(WorkerQueueProperties properties, AuditJobHandler handler,
                                      FailedJobRouter router, JobMetrics auditJobMetrics) {
        return listener(properties, properties.queues().audit(), handler, router, auditJobMetrics);
    }

    private static JobQueueListener listener(WorkerQueueProperties properties, QueueSettings queue,
                                             JobHandler handler, FailedJobRouter router, JobMetrics metrics) {
        return new JobQueueListener(queue, handler, router, metrics, properties.consumer().requeueDelay());
    }

    /** Manual acks: the listener acks only after the job is done or safely republished (see the listener). */
    @Bean
    SimpleMessageListenerContainer notificationJobContainer(ConnectionFactory connectionFactory,
            WorkerQueueProperties properties, JobQueueListener notificationJobListener) {
        return container(connectionFactory, properties, notificationJobListener);
    }

    @Bean
    SimpleMessageListenerContainer auditJobContainer(ConnectionFactory connectionFactory,
            WorkerQueueProperties properties, JobQueueListener auditJobListener) {
        return container(connectionFactory, properties, auditJobListener);
    }

    private static SimpleMessageListenerContainer container(ConnectionFactory connectionFactory,
            WorkerQueueProperties properties, JobQueueListener listener) {
        return ManualAcks.container(connectionFactory, listener.queue().work(), listener,
                properties.consumer().prefetch(), properties.consumer().concurrency());
    }

    /** A queue's DLQ for operators; a replay goes back through the queue's own exchange and routing key. */
    private static RabbitDeadLetterQueue deadLetters(RabbitTemplate rabbitTemplate, ConfirmedPublisher publisher,
            QueueSettings queue, WorkerQueueProperties properties, JobMetrics metrics) {
        WorkerQueueProperties.Replay replay = properties.replay();
        return new RabbitDeadLetterQueue(rabbitTemplate, publisher, queue.deadLetter(), queue.exchange(),
                queue.routingKey(), new ReplayLimits(replay.defaultMax(), replay.maxPerCall()),
                () -> metrics.replayed(1));
    }

    /** Confirmed publishes for every move between the worker's queues (library class, built here). */
    @Bean
    ConfirmedPublisher confirmedPublisher(RabbitTemplate rabbitTemplate, WorkerQueueProperties properties) {
        return new ConfirmedPublisher(rabbitTemplate, properties.publisher().confirmTimeout());
    }

    /** The main dead letters: {@code /api/v1/admin/dead-letters} without a {@code source} answers with these. */
    @Bean
    @Order(1)
    RabbitDeadLetterQueue notificationDeadLetters(RabbitTemplate rabbitTemplate, ConfirmedPublisher publisher,
            WorkerQueueProperties properties, JobMetrics notificationJobMetrics) {
        return deadLetters(rabbitTemplate, publisher, properties.queues().notifications(), properties,
                notificationJobMetrics);
    }

    @Bean
    @Order(2)
    RabbitDeadLetterQueue auditDeadLetters(RabbitTemplate rabbitTemplate, ConfirmedPublisher publisher,
            WorkerQueueProperties properties, JobMetrics auditJobMetrics) {
        return deadLetters(rabbitTemplate, publisher, properties.queues().audit(), properties, auditJobMetrics);
    }
}
