package io.banksuite.inbox.autoconfigure;

import java.util.Map;
import java.util.function.Function;

import io.banksuite.inbox.InboxProperties;
import io.banksuite.inbox.kafka.DeadLetterProducer;
import io.banksuite.inbox.replay.AvroEventIds;
import io.banksuite.inbox.replay.DeadLetterReplayer;
import io.banksuite.schemas.Topics;
import io.banksuite.schemas.serde.AvroSerdeConfig;
import io.banksuite.schemas.serde.ConfluentAvroDeserializer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The operator's replay of the service's dead-letter topic ({@code <inbox.topic>.<inbox.group-id>.dlt}): a
 * {@link DeadLetterReplayer} whenever {@code inbox.group-id} is set. It is the service's
 * {@link io.banksuite.runtime.deadletter.DeadLetters}, which service-runtime serves at
 * {@code /api/v1/admin/dead-letters} in a servlet web application. Off with
 * {@code inbox.dead-letter.replay.enabled=false}.
 */
@AutoConfiguration(after = InboxKafkaAutoConfiguration.class)
@ConditionalOnClass({KafkaTemplate.class, ConfluentAvroDeserializer.class})
@ConditionalOnProperty(prefix = "inbox", name = "group-id")
@ConditionalOnBooleanProperty(name = "inbox.dead-letter.replay.enabled", matchIfMissing = true)
@EnableConfigurationProperties(InboxProperties.class)
public class InboxDeadLetterReplayAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    DeadLetterReplayer inboxDeadLetterReplayer(InboxProperties properties, KafkaProperties kafkaProperties,
                                               KafkaConnectionDetails connectionDetails,
                                               DeadLetterProducer deadLetterProducer,
                                               ObjectProvider<MeterRegistry> meters) {
        String group = properties.groupId();
        Map<String, Object> props = InboxKafkaAutoConfiguration.withConnection(
                kafkaProperties.buildConsumerProperties(), connectionDetails.getConsumer());
        Object registryUrl = props.get(AvroSerdeConfig.SCHEMA_REGISTRY_URL);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, Topics.DeadLetters.replayGroup(group));
        props.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "inbox-dlt-replay");
        // Offsets are committed by hand, after the republished record was acked.
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // Reading must not create the dead-letter topic with the broker's defaults.
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        Function<byte @Nullable [], @Nullable String> eventIds = registryUrl == null
                ? value -> null : new AvroEventIds(registryUrl.toString());
        return new DeadLetterReplayer(properties.topic(), group,
                () -> new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer()),
                deadLetterProducer.template(), eventIds, properties.deadLetter().replay(),
                meters.getIfAvailable(() -> Metrics.globalRegistry));
    }
}
