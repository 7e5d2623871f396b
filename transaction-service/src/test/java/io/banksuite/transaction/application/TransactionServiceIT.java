package io.banksuite.transaction.application;

import io.banksuite.transaction.domain.NewTransaction;
import io.banksuite.transaction.domain.TransactionDraft;
import io.banksuite.transaction.domain.TransactionValidator;

import io.banksuite.local.PostgresDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The service's transactions against a real PostgreSQL database, without HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class TransactionServiceIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresDatabases.recreateForSpring("it_transaction_service_tx").forEach((key, value) -> registry.add(key, () -> value));
        // The charge outcomes listener is ChargeOutcomeIT's subject: this context neither consumes nor declares.
        registry.add("charge-outcomes.listen", () -> "false");
    }

    @Autowired
    TransactionService service;

    @Autowired
    JdbcTemplate jdbc;

    private final TransactionValidator validator = new TransactionValidator();

    @BeforeEach
    void emptyTables() {
        jdbc.execute("TRUNCATE transactions, outbox");
    }

    @Test
    void concurrentRequestsWithOneIdempotencyKeyCreateOneTransaction() throws Exception {
        NewTransaction request = validator.validate(
                new TransactionDraft("c-1", "10.00", "EUR", "PAYMENT", "m-1", "5411", "DE", "WEB"));
        int threads = 8;
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<TransactionService.Creation>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return service.create(request, Optional.of("same-key"));
                }));
            }
            start.countDown();
            List<TransactionService.Creation> creations = new ArrayList<>();
            for (var result : results) {
                creations.add(result.get(30, TimeUnit.SECONDS));
            }
            assertThat(creations).filteredOn(TransactionService.Creation::created).hasSize(1);
            assertThat(creations).extracting(c -> c.transaction().id()).containsOnly(creations.get(0).transaction().id());
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM transactions", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox", Integer.class)).isEqualTo(1);
    }

    @Test
    void flywayAppliesTheOutboxJarsMigrationBeforeTheServicesOwn() {
        // Shared libraries own versions 0.x (outbox: 0.2, from the outbox jar); the service's own start at 1.
        assertThat(jdbc.queryForList("SELECT version || ' ' || description FROM flyway_schema_history"
                + " WHERE success AND version IS NOT NULL ORDER BY installed_rank", String.class))
                .containsExactly("0.2 outbox", "1 transactions", "2 clients", "3 transaction card",
                        "4 transaction charge outcome");
        assertThat(jdbc.queryForList("SELECT indexname FROM pg_indexes WHERE tablename = 'outbox'", String.class))
                .contains("outbox_unsent_idx");
    }
}
