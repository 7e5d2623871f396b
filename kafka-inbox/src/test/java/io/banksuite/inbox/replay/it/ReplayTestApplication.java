package io.banksuite.inbox.replay.it;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.banksuite.events.TransactionCreated;
import io.banksuite.inbox.InboxListener;
import io.banksuite.inbox.InboxProcessor;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * A consuming service as small as it gets, for the replay test: kafka-inbox's auto-configuration, one listener
 * whose effect inserts a row per applied event, and a switch that makes the effect fail for chosen clients.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({ReplayTestApplication.Listener.class, ReplayTestApplication.FailingClients.class})
public class ReplayTestApplication {

    static final String LISTENER_ID = "replay-test";

    /** A service with actuator has one; this one has no actuator. */
    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }

    /** Clients whose events the effect refuses, until the test fixes the cause. */
    static class FailingClients {

        private final Set<String> failing = ConcurrentHashMap.newKeySet();

        void fail(String clientId) {
            failing.add(clientId);
        }

        void fix(String clientId) {
            failing.remove(clientId);
        }

        void check(String clientId) {
            if (failing.contains(clientId)) {
                throw new IllegalStateException("The effect is switched to fail for client " + clientId);
            }
        }
    }

    static class Listener {

        private final InboxProcessor inbox;
        private final JdbcClient jdbc;
        private final FailingClients failing;

        Listener(InboxProcessor inbox, JdbcClient jdbc, FailingClients failing) {
            this.inbox = inbox;
            this.jdbc = jdbc;
            this.failing = failing;
        }

        @KafkaListener(id = LISTENER_ID, topics = InboxListener.TOPIC, groupId = InboxListener.GROUP_ID)
        void on(ConsumerRecord<String, TransactionCreated> record) {
            TransactionCreated event = record.value();
            inbox.process(record, event.getEventId(), () -> {
                failing.check(event.getClientId());
                jdbc.sql("INSERT INTO replay_test_effect (event_id, client_id) VALUES (?::uuid, ?)")
                        .params(event.getEventId(), event.getClientId()).update();
            });
        }
    }
}
