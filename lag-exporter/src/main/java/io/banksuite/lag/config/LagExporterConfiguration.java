package io.banksuite.lag.config;

import java.util.HashMap;
import java.util.Map;

import io.banksuite.lag.adapter.out.kafka.KafkaConsumerGroupOffsets;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Kafka clients lag-exporter reads the broker with, from {@code spring.kafka.*}. */
@Configuration(proxyBeanMethods = false)
public class LagExporterConfiguration {

    @Bean(destroyMethod = "close")
    Admin lagAdmin(KafkaProperties kafka, KafkaConnectionDetails connection) {
        Map<String, Object> props = new HashMap<>(kafka.buildAdminProperties());
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, connection.getAdmin().getBootstrapServers());
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "lag-exporter-admin");
        return Admin.create(props);
    }

    @Bean(destroyMethod = "close")
    KafkaConsumer<byte[], byte[]> lagTimestampReader(KafkaProperties kafka, KafkaConnectionDetails connection) {
        Map<String, Object> props = new HashMap<>(kafka.buildConsumerProperties());
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, connection.getConsumer().getBootstrapServers());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "lag-exporter-reader");
        // No group: it only assigns and seeks, and must never commit anything or appear as a group itself.
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @Bean
    KafkaConsumerGroupOffsets consumerGroupOffsets(Admin lagAdmin, KafkaConsumer<byte[], byte[]> lagTimestampReader) {
        return new KafkaConsumerGroupOffsets(lagAdmin, lagTimestampReader);
    }
}
