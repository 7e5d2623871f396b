package io.banksuite.transaction;

import java.util.UUID;

import io.banksuite.local.PostgresDatabases;
import io.banksuite.schemas.RabbitTopology;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The HTTP API against a real PostgreSQL database migrated by Flyway. The API's test classes share one application
 * context and database; every test starts with empty tables.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(ApiIntegrationTest.PrefixedQueuesCleanup.class)
abstract class ApiIntegrationTest {

    /** The charge outcomes' exchange and queues under the tests' own names, never the suite's. */
    static final String RABBIT_PREFIX = "it-tx-" + UUID.randomUUID().toString().substring(0, 8) + ".";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresDatabases.recreateForSpring("it_transaction_api").forEach((key, value) -> registry.add(key, () -> value));
        registry.add("charge-outcomes.exchange", () -> RABBIT_PREFIX + RabbitTopology.CHARGE_OUTCOMES_EXCHANGE);
        registry.add("charge-outcomes.queue", () -> RABBIT_PREFIX + RabbitTopology.TRANSACTION_CHARGE_OUTCOMES_QUEUE);
        registry.add("charge-outcomes.dead-letter",
                () -> RABBIT_PREFIX + RabbitTopology.TRANSACTION_CHARGE_OUTCOMES_DEAD_LETTER_QUEUE);
        registry.add("charge-outcomes.requeue-delay", () -> "100ms");
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void emptyTables() {
        jdbc.execute("TRUNCATE client_limits, client_limit_versions, client_profile_versions, transactions, outbox");
    }

    /** Deletes the tests' exchange and queues when the shared context closes (after the listener stopped). */
    @TestConfiguration(proxyBeanMethods = false)
    static class PrefixedQueuesCleanup implements DisposableBean {

        private final AmqpAdmin admin;

        PrefixedQueuesCleanup(AmqpAdmin admin) {
            this.admin = admin;
        }

        @Override
        public void destroy() {
            admin.deleteQueue(RABBIT_PREFIX + RabbitTopology.TRANSACTION_CHARGE_OUTCOMES_QUEUE);
            admin.deleteQueue(RABBIT_PREFIX + RabbitTopology.TRANSACTION_CHARGE_OUTCOMES_DEAD_LETTER_QUEUE);
            admin.deleteExchange(RABBIT_PREFIX + RabbitTopology.CHARGE_OUTCOMES_EXCHANGE);
        }
    }

    int count(String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Integer.class);
    }
}
