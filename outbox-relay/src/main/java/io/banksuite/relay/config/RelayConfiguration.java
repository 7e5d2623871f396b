package io.banksuite.relay.config;

import io.banksuite.outbox.OutboxMetrics;
import io.banksuite.outbox.OutboxStore;
import io.banksuite.relay.adapter.out.persistence.AdvisoryLock;
import io.banksuite.relay.application.OutboxRelay;
import io.banksuite.relay.application.RelayMetrics;
import io.banksuite.relay.application.RelayProperties;
import io.banksuite.relay.application.port.out.OutboxPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;

@Configuration(proxyBeanMethods = false)
class RelayConfiguration {

    /** Kafka's default delivery.timeout.ms, used when none is configured. */
    private static final Duration DEFAULT_DELIVERY_TIMEOUT = Duration.ofMinutes(2);

    @Bean
    OutboxStore outboxStore(DataSource dataSource) {
        return new OutboxStore(dataSource);
    }

    @Bean
    RelayMetrics relayMetrics(MeterRegistry registry, OutboxStore store, Clock clock) {
        return new RelayMetrics(registry, new OutboxMetrics(registry, store, OutboxMetrics.TRANSACTION_EVENTS, clock));
    }

    @Bean
    OutboxRelay outboxRelay(OutboxStore store, OutboxPublisher publisher, RelayProperties properties,
                            RelayMetrics metrics, JdbcConnectionDetails database, KafkaProperties kafka) {
        // Its own physical connection, outside the pool: a pooled connection handed back would keep the lock.
        var lock = new AdvisoryLock(
                () -> DriverManager.getConnection(database.getJdbcUrl(), database.getUsername(), database.getPassword()),
                properties.lockId(), properties.lockSessionIdleTimeout());
        // flush() returns once every send completed; this is only a safety net past the producer's own timeout.
        Object configured = kafka.buildProducerProperties().get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG);
        Duration deliveryTimeout = configured == null ? DEFAULT_DELIVERY_TIMEOUT
                : Duration.ofMillis(Long.parseLong(configured.toString()));
        return new OutboxRelay(store, publisher, lock, properties, metrics, deliveryTimeout.plusSeconds(30));
    }
}
