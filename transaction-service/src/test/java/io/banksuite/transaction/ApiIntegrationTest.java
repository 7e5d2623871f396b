package io.banksuite.transaction;

import io.banksuite.local.PostgresDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
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
abstract class ApiIntegrationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresDatabases.recreateForSpring("it_transaction_api").forEach((key, value) -> registry.add(key, () -> value));
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void emptyTables() {
        jdbc.execute("TRUNCATE client_limits, client_limit_versions, client_profile_versions, transactions, outbox");
    }

    int count(String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Integer.class);
    }
}
