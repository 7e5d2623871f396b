package io.banksuite.relay.config;

import io.banksuite.schemas.serde.SchemaIds;
import io.banksuite.schemas.serde.AvroSerdeConfig;
import io.banksuite.schemas.serde.RestSchemaRegistryClient;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

import java.util.Map;

/**
 * The producer. Settings that the relay's guarantees depend on are forced here, whatever the configuration says:
 * acks=all and idempotence (no loss, no broker-side duplicates or reordering on retries), String keys and byte[]
 * values (the relay frames the value itself). Retries and delivery.timeout.ms come from application.yml.
 */
@Configuration(proxyBeanMethods = false)
class KafkaProducerConfiguration {

    /** The idempotent producer keeps order per partition only with at most 5 requests in flight. */
    static final int MAX_IN_FLIGHT_FOR_ORDER = 5;

    @Bean
    DefaultKafkaProducerFactoryCustomizer relayProducerSettings() {
        return factory -> {
            Object inFlight = factory.getConfigurationProperties()
                    .get(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION);
            if (inFlight != null && Integer.parseInt(inFlight.toString()) > MAX_IN_FLIGHT_FOR_ORDER) {
                throw new IllegalStateException(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION + "=" + inFlight
                        + " would let retries reorder records; use at most " + MAX_IN_FLIGHT_FOR_ORDER);
            }
            factory.updateConfigs(Map.of(
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
        };
    }

    /** No producer listener: the relay logs failures itself, with the event id and trace id. */
    @Bean
    KafkaTemplate<String, byte[]> relayKafkaTemplate(ProducerFactory<String, byte[]> producerFactory) {
        return new KafkaTemplate<>(producerFactory);
    }

    /** Reads Confluent's property names (schema.registry.url, auto.register.schemas, use.latest.version). */
    @Bean
    SchemaIds schemaIds(KafkaProperties kafkaProperties) {
        AvroSerdeConfig serde = AvroSerdeConfig.from(kafkaProperties.buildProducerProperties());
        return new SchemaIds(new RestSchemaRegistryClient(serde.schemaRegistryUrl()), serde);
    }
}
