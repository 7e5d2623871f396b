package io.banksuite.inbox.autoconfigure;

import java.util.HashMap;
import java.util.Map;

import io.banksuite.inbox.InboxProperties;
import io.banksuite.inbox.kafka.DeadLetterProducer;
import io.banksuite.inbox.kafka.InboxDeadLetterRecoverer;
import io.banksuite.inbox.kafka.InboxErrorHandlers;
import io.banksuite.inbox.kafka.InboxRetryListener;
import io.banksuite.inbox.kafka.RawValueRetainingDeserializer;
import io.banksuite.schemas.Topics;
import io.banksuite.schemas.serde.AvroSerdeConfig;
import io.banksuite.schemas.serde.ConfluentAvroDeserializer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.config.MeterFilter;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.AbstractKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

/**
 * The consumer side of the inbox, on top of Spring Boot's Kafka auto-configuration (whose
 * {@code spring.kafka.*} properties still apply):
 * <ul>
 * <li>Boot's consumer factory gets, programmatically (so no service can get it wrong in YAML), key
 * StringDeserializer and value ErrorHandlingDeserializer → RawValueRetainingDeserializer →
 * ConfluentAvroDeserializer with {@code specific.avro.reader=true}, and {@code enable.auto.commit=false},
 * {@code auto.offset.reset=earliest}, {@code isolation.level=read_committed}. The registry URL comes from
 * {@code spring.kafka.properties.schema.registry.url}.</li>
 * <li>A {@link DefaultErrorHandler} (picked up by Boot's listener container factory) with bounded exponential
 * retries and an {@link InboxDeadLetterRecoverer} that parks failed records in {@code <topic>.<group>.dlt}.</li>
 * <li>The ack mode of every listener container factory is set to {@code inbox.ack-mode} (BATCH or RECORD).</li>
 * <li>The dead-letter topic of {@code inbox.topic} and {@code inbox.group-id} is created at start-up.</li>
 * </ul>
 * A service that defines its own {@link CommonErrorHandler} replaces the inbox's.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnClass({KafkaTemplate.class, ConfluentAvroDeserializer.class})
@EnableConfigurationProperties(InboxProperties.class)
public class InboxKafkaAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(InboxKafkaAutoConfiguration.class);

    @Bean
    DefaultKafkaConsumerFactoryCustomizer inboxConsumerFactoryCustomizer() {
        return factory -> {
            Map<String, Object> enforced = new HashMap<>();
            // Offsets are committed by the listener container, after the database commit, never in the background.
            enforced.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            // A new group reads the topic from its start: an event must not be skipped.
            enforced.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            // Never see records of aborted producer transactions.
            enforced.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            enforced.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
            factory.updateConfigs(enforced);
            @SuppressWarnings("unchecked")
            DefaultKafkaConsumerFactory<Object, Object> typed = (DefaultKafkaConsumerFactory<Object, Object>) factory;
            typed.setKeyDeserializerSupplier(() -> cast(new StringDeserializer()));
            // A new deserializer per consumer; the factory configures it with the consumer's properties.
            typed.setValueDeserializerSupplier(() -> cast(new ErrorHandlingDeserializer<>(
                    new RawValueRetainingDeserializer<>(new ConfluentAvroDeserializer()))));
        };
    }

    /**
     * The Kafka client's own lag meters go: each series comes twice (topic with dots and with underscores) and reads
     * NaN on idle partitions, and a consumer that is down reports none. The suite's lag comes from the broker's
     * committed offsets instead (deploy/lag-exporter).
     */
    @Bean
    MeterFilter inboxDropsTheClientsLagMeters() {
        return MeterFilter.deny(id -> id.getName().startsWith("kafka.consumer.fetch.manager.records.lag")
                || id.getName().startsWith("kafka.consumer.fetch.manager.records.lead"));
    }

    @Bean
    @ConditionalOnMissingBean
    DeadLetterProducer inboxDeadLetterProducer(KafkaProperties kafkaProperties,
                                               KafkaConnectionDetails connectionDetails) {
        return new DeadLetterProducer(withConnection(kafkaProperties.buildProducerProperties(),
                connectionDetails.getProducer()));
    }

    /** Client properties built from {@code spring.kafka.*}, pointed at the broker of Boot's connection details. */
    static Map<String, Object> withConnection(Map<String, Object> props, KafkaConnectionDetails.Configuration connection) {
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, connection.getBootstrapServers());
        String securityProtocol = connection.getSecurityProtocol();
        if (securityProtocol != null && !securityProtocol.isBlank()) {
            props.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, securityProtocol);
        }
        return props;
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler inboxErrorHandler(DeadLetterProducer deadLetterProducer, InboxProperties properties,
                                          ObjectProvider<MeterRegistry> meters) {
        InboxDeadLetterRecoverer recoverer = new InboxDeadLetterRecoverer(deadLetterProducer.template(),
                properties::groupId);
        return InboxErrorHandlers.create(properties.retry(), recoverer,
                new InboxRetryListener(meters.getIfAvailable(() -> Metrics.globalRegistry)));
    }

    /** Static: a post-processor must not make its configuration class be created early. */
    @Bean
    static BeanPostProcessor inboxAckModePostProcessor(ObjectProvider<InboxProperties> properties) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof AbstractKafkaListenerContainerFactory<?, ?, ?> factory) {
                    var ackMode = properties.getObject().ackMode();
                    log.debug("Listener container factory {}: ack mode {}", beanName, ackMode);
                    factory.getContainerProperties().setAckMode(ackMode);
                }
                return bean;
            }
        };
    }

    @Bean
    @ConditionalOnProperty(prefix = "inbox", name = "group-id")
    @ConditionalOnBooleanProperty(name = "inbox.dead-letter.create-topic", matchIfMissing = true)
    NewTopic inboxDeadLetterTopic(InboxProperties properties) {
        return TopicBuilder.name(Topics.deadLetterTopic(properties.topic(), properties.groupId()))
                .partitions(properties.deadLetter().partitions())
                .build();
    }

    @SuppressWarnings("unchecked")
    private static Deserializer<Object> cast(Deserializer<?> deserializer) {
        return (Deserializer<Object>) deserializer;
    }

    /** What the service consumes, at {@code /actuator/info} when it has actuator. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.info.InfoContributor")
    static class Info {

        @Bean
        @ConditionalOnMissingBean
        InboxInfoContributor inboxInfoContributor(InboxProperties properties) {
            return new InboxInfoContributor(properties);
        }
    }
}
