package io.banksuite.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import io.banksuite.events.ClientStatus;
import io.banksuite.events.ClientUpdated;
import io.banksuite.events.LimitChanged;
import io.banksuite.events.TransactionCreated;
import io.banksuite.inbox.testing.ClientEvents;
import io.banksuite.local.PostgresDatabases;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/** The inbox against a real PostgreSQL, schema from the migration shipped in the jar. */
class InboxPostgresIT {

    private static HikariDataSource dataSource;
    private static JdbcTemplate jdbc;
    private static JdbcTransactionManager transactionManager;

    private final ProcessedEvents processedEvents = new ProcessedEvents(dataSource);
    private final TransactionTemplate tx = new TransactionTemplate(transactionManager);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final InboxProcessor inbox = new InboxProcessor(processedEvents, transactionManager, meters, "test-group");

    @BeforeAll
    static void database() {
        String url = PostgresDatabases.recreate("it_kafka_inbox");
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url);
        dataSource.setUsername(PostgresDatabases.username());
        dataSource.setPassword(PostgresDatabases.password());
        dataSource.setMaximumPoolSize(4);
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE TABLE effect (event_id UUID NOT NULL)");
        transactionManager = new JdbcTransactionManager(dataSource);
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @BeforeEach
    void empty() {
        jdbc.update("DELETE FROM inbox_processed_event");
        jdbc.update("DELETE FROM effect");
    }

    @Test
    void theMigrationCreatesTheDocumentedTable() {
        List<String> columns = jdbc.queryForList("""
                SELECT column_name || ' ' || data_type || ' ' || is_nullable FROM information_schema.columns
                WHERE table_name = 'inbox_processed_event' ORDER BY ordinal_position""", String.class);
        assertThat(columns).containsExactly(
                "event_id uuid NO",
                "consumer_group text NO",
                "topic text NO",
                "kafka_partition integer NO",
                "kafka_offset bigint NO",
                "record_key text YES",
                "processed_at timestamp with time zone NO",
                "seq bigint NO");
    }

    @Test
    void marksAnEventOnce() {
        InboundEvent event = event();

        assertThat(markInTransaction(event)).isTrue();
        assertThat(markInTransaction(event)).isFalse();
        assertThat(processedEvents.isProcessed(event.eventId())).isTrue();
        assertThat(jdbc.queryForMap("SELECT consumer_group, topic, kafka_partition, kafka_offset, record_key "
                + "FROM inbox_processed_event WHERE event_id = ?", event.eventId()))
                .containsEntry("consumer_group", "g").containsEntry("topic", "t")
                .containsEntry("kafka_partition", 2).containsEntry("kafka_offset", 9L).containsEntry("record_key", "c-1");
    }

    @Test
    void refusesToRunOutsideATransaction() {
        assertThatThrownBy(() -> processedEvents.markProcessed(event()))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(count("inbox_processed_event")).isZero();
    }

    @Test
    void refusesATransactionOnAnotherDataSource() {
        try (HikariDataSource other = new HikariDataSource()) {
            other.setJdbcUrl(dataSource.getJdbcUrl());
            other.setUsername(dataSource.getUsername());
            TransactionTemplate otherTx = new TransactionTemplate(new JdbcTransactionManager(other));

            assertThatThrownBy(() -> otherTx.execute(s -> processedEvents.markProcessed(event())))
                    .isInstanceOf(IllegalTransactionStateException.class);
        }
    }

    @Test
    void aRolledBackMarkIsForgotten() {
        InboundEvent event = event();

        tx.executeWithoutResult(s -> {
            assertThat(processedEvents.markProcessed(event)).isTrue();
            s.setRollbackOnly();
        });

        assertThat(processedEvents.isProcessed(event.eventId())).isFalse();
        assertThat(markInTransaction(event)).isTrue();
    }

    @Test
    void routesEachEventTypeToItsEffectAndSkipsTheTypesItDoesNotHandle() {
        List<String> seen = new ArrayList<>();
        EventRoutes routes = EventRoutes.builder()
                .on(TransactionCreated.class, TransactionCreated::getTransactionId, id -> seen.add("tx " + id))
                .on(LimitChanged.class, LimitChanged::getVersion, version -> seen.add("limits v" + version))
                .build();
        TransactionCreated transaction = TestEvents.event(UUID.randomUUID().toString(), "c-1");
        LimitChanged limits = ClientEvents.limits("c-1", 3, Instant.parse("2026-11-27T13:00:00Z"),
                ClientEvents.limit("EUR", 100_00, 500_00));
        ClientUpdated profile = ClientEvents.profile("c-1", 1, ClientStatus.ACTIVE, "RETAIL",
                Instant.parse("2026-11-27T12:00:00Z"));

        assertThat(inbox.process(new ConsumerRecord<>(TestEvents.TOPIC, 0, 1, "c-1", limits), routes)).isTrue();
        assertThat(inbox.process(TestEvents.record(transaction, 0, 2), routes)).isTrue();
        assertThat(inbox.process(new ConsumerRecord<>(TestEvents.TOPIC, 0, 3, "c-1", profile), routes)).isFalse();
        assertThat(inbox.process(new ConsumerRecord<>(TestEvents.TOPIC, 0, 4, "c-1", limits), routes)).isFalse();

        assertThat(seen).containsExactly("limits v3", "tx " + transaction.getTransactionId());
        assertThat(processedEvents.isProcessed(UUID.fromString(profile.getEventId()))).isFalse();
        assertThat(meters.counter(InboxProcessor.IGNORED_METRIC, "topic", TestEvents.TOPIC, "group", "test-group",
                "type", "io.banksuite.events.ClientUpdated").count()).isEqualTo(1.0);
        assertThat(meters.counter(InboxProcessor.DUPLICATE_METRIC, "topic", TestEvents.TOPIC, "group", "test-group")
                .count()).isEqualTo(1.0);
    }

    @Test
    void aRouteWhoseMappingRefusesTheEventMakesItInvalidAndWritesNothing() {
        EventRoutes routes = EventRoutes.builder()
                .on(LimitChanged.class, event -> {
                    throw new IllegalArgumentException("no limits");
                }, ignored -> insertEffect(UUID.randomUUID().toString()))
                .build();
        LimitChanged limits = ClientEvents.limits("c-1", 1, Instant.parse("2026-11-27T13:00:00Z"));

        assertThatThrownBy(() -> inbox.process(new ConsumerRecord<>(TestEvents.TOPIC, 0, 1, "c-1", limits), routes))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("LimitChanged")
                .hasMessageContaining(limits.getEventId()).hasMessageContaining("no limits");
        assertThat(count("inbox_processed_event")).isZero();
        assertThat(count("effect")).isZero();
    }

    @Test
    void appliesTheEffectOnceAndCountsDuplicates() {
        String id = UUID.randomUUID().toString();
        var record = TestEvents.record(TestEvents.event(id, "c-1"), 0, 5);

        assertThat(inbox.process(record, id, () -> insertEffect(id))).isTrue();
        assertThat(inbox.process(record, id, () -> insertEffect(id))).isFalse();
        assertThat(inbox.process(TestEvents.record(TestEvents.event(id, "c-1"), 0, 6), id, () -> insertEffect(id)))
                .isFalse();

        assertThat(count("effect")).isEqualTo(1);
        assertThat(meters.counter(InboxProcessor.APPLIED_METRIC, "topic", TestEvents.TOPIC, "group", "test-group")
                .count()).isEqualTo(1.0);
        assertThat(meters.counter(InboxProcessor.DUPLICATE_METRIC, "topic", TestEvents.TOPIC, "group", "test-group")
                .count()).isEqualTo(2.0);
    }

    @Test
    void aFailingEffectRollsBackTheInboxRowToo() {
        String id = UUID.randomUUID().toString();
        var record = TestEvents.record(TestEvents.event(id, "c-1"), 0, 5);

        assertThatThrownBy(() -> inbox.process(record, id, () -> {
            insertEffect(id);
            throw new IllegalStateException("effect failed");
        })).isInstanceOf(IllegalStateException.class).hasMessage("effect failed");
        assertThat(count("effect")).isZero();
        assertThat(processedEvents.isProcessed(UUID.fromString(id))).isFalse();

        // The redelivery applies it.
        assertThat(inbox.process(record, id, () -> insertEffect(id))).isTrue();
        assertThat(count("effect")).isEqualTo(1);
    }

    @Test
    void rejectsAnInvalidEventIdWithoutTouchingTheDatabase() {
        var record = TestEvents.record(TestEvents.event("nope", "c-1"), 0, 5);

        assertThatThrownBy(() -> inbox.process(record, "nope", () -> insertEffect(UUID.randomUUID().toString())))
                .isInstanceOf(InvalidEventException.class);
        assertThat(count("effect")).isZero();
        assertThat(count("inbox_processed_event")).isZero();
    }

    @Test
    void theMappedEventReachesTheEffectOnceUnderTheValuesEventId() {
        String id = UUID.randomUUID().toString();
        var record = TestEvents.record(TestEvents.event(id, "c-7"), 0, 5);
        List<String> applied = new ArrayList<>();

        assertThat(inbox.process(record, event -> event.getClientId(), client -> {
            applied.add(client);
            insertEffect(id);
        })).isTrue();
        assertThat(inbox.process(record, event -> event.getClientId(), applied::add)).isFalse();

        assertThat(applied).containsExactly("c-7");
        assertThat(processedEvents.isProcessed(UUID.fromString(id))).isTrue();
        // Applied once, so one age; the event occurred at TestEvents' fixed instant, long before the commit.
        var age = meters.get(InboxProcessor.EVENT_AGE_METRIC).tags("topic", TestEvents.TOPIC, "group", "test-group")
                .timer();
        assertThat(age.count()).isEqualTo(1);
        assertThat(age.totalTime(java.util.concurrent.TimeUnit.DAYS)).isGreaterThan(1);
    }

    @Test
    void anEventTheMappingRefusesIsInvalidAndNothingIsWritten() {
        String id = UUID.randomUUID().toString();
        var record = TestEvents.record(TestEvents.event(id, "c-1"), 0, 5);

        assertThatThrownBy(() -> inbox.process(record, event -> {
            throw new IllegalArgumentException("currency must be an ISO 4217 code");
        }, mapped -> insertEffect(id)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("TransactionCreated " + id)
                .hasMessageContaining("currency must be an ISO 4217 code");
        assertThat(count("effect")).isZero();
        assertThat(count("inbox_processed_event")).isZero();
    }

    @Test
    void seqGivesTheApplyOrder() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            inbox.process(TestEvents.record(TestEvents.event(id, "c-1"), 0, i), id, () -> insertEffect(id));
        }
        assertThat(jdbc.queryForList("SELECT event_id::text FROM inbox_processed_event ORDER BY seq", String.class))
                .containsExactlyElementsOf(ids);
    }

    @Test
    void concurrentDeliveriesOfOneEventApplyItOnce() throws Exception {
        // Two consumers handed the same event (e.g. across a rebalance): the second insert waits for the first
        // transaction and then sees the conflict.
        String id = UUID.randomUUID().toString();
        int threads = 4;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                long offset = i;
                Callable<Boolean> delivery = () -> {
                    start.await(10, TimeUnit.SECONDS);
                    return inbox.process(TestEvents.record(TestEvents.event(id, "c-1"), 0, offset), id,
                            () -> insertEffect(id));
                };
                results.add(pool.submit(delivery));
            }
            int applied = 0;
            for (Future<Boolean> result : results) {
                applied += result.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(applied).isEqualTo(1);
            assertThat(count("effect")).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private boolean markInTransaction(InboundEvent event) {
        return Boolean.TRUE.equals(tx.execute(s -> processedEvents.markProcessed(event)));
    }

    private static void insertEffect(String eventId) {
        jdbc.update("INSERT INTO effect (event_id) VALUES (?)", UUID.fromString(eventId));
    }

    private static long count(String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
    }

    private static InboundEvent event() {
        return new InboundEvent(UUID.randomUUID(), "g", "t", 2, 9, "c-1");
    }
}
