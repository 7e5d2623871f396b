package io.banksuite.outbox;

import io.banksuite.schemas.Topics;
import com.zaxxer.hikari.HikariDataSource;
import io.banksuite.local.PostgresDatabases;
import io.banksuite.schemas.MessageHeaders;
import io.banksuite.schemas.RabbitTopology;
import io.banksuite.schemas.tracing.TraceContext;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The writer and the store against a real PostgreSQL database migrated by Flyway with the shipped migration. */
class OutboxStoreIT {

    private static HikariDataSource dataSource;
    private static HikariDataSource otherDataSource;
    private static JdbcTemplate jdbc;
    private static TransactionTemplate transaction;
    private static MigrateResult migration;

    private final OutboxWriter writer = new OutboxWriter(dataSource);
    private final OutboxStore store = new OutboxStore(dataSource);

    @BeforeAll
    static void createDatabase() {
        String url = PostgresDatabases.recreate("it_outbox_store");
        dataSource = dataSource(url);
        otherDataSource = dataSource(url);
        jdbc = new JdbcTemplate(dataSource);
        // The default location, as in the owning services: this module's db/migration holds only V0_2__outbox.sql.
        migration = Flyway.configure().dataSource(dataSource).load().migrate();
        transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @AfterAll
    static void close() {
        dataSource.close();
        otherDataSource.close();
    }

    @BeforeEach
    void emptyTable() {
        jdbc.execute("TRUNCATE outbox RESTART IDENTITY");
    }

    @Test
    void theTableComesFromTheLibrarysReservedFlywayVersion() {
        // Shared libraries own versions 0.x; the outbox's is 0.2 (kafka-inbox has 0.1, services start at 1).
        assertThat(migration.migrations).extracting(m -> m.version + " " + m.description).containsExactly("0.2 outbox");
        assertThat(jdbc.queryForList("SELECT indexname FROM pg_indexes WHERE tablename = 'outbox'", String.class))
                .contains("outbox_unsent_idx");
    }

    @Test
    void appendOutsideATransactionIsRefusedAndWritesNothing() {
        assertThatThrownBy(() -> writer.append(message("c-1")))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(rowCount()).isZero();
    }

    @Test
    void appendInATransactionOnAnotherDataSourceIsRefused() {
        var other = new TransactionTemplate(new DataSourceTransactionManager(otherDataSource));
        assertThatThrownBy(() -> other.executeWithoutResult(status -> writer.append(message("c-1"))))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(rowCount()).isZero();
    }

    @Test
    void appendJoinsTheCallersTransaction() {
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            writer.append(message("c-1"));
            throw new IllegalStateException("the business change failed");
        })).hasMessage("the business change failed");
        assertThat(rowCount()).isZero();

        var committed = message("c-2");
        long id = transaction.execute(status -> writer.append(committed));

        List<OutboxRecord> unsent = store.fetchUnsent(10);
        assertThat(unsent).hasSize(1);
        OutboxRecord row = unsent.get(0);
        assertThat(row.id()).isEqualTo(id);
        assertThat(row.eventId()).isEqualTo(committed.eventId());
        assertThat(row.destination()).isEqualTo(Topics.CLIENT_EVENTS_NAME);
        assertThat(row.messageKey()).isEqualTo("c-2");
        assertThat(row.payload()).isEqualTo(committed.payload());
        assertThat(row.payloadSchema()).isEqualTo(committed.payloadSchema());
        assertThat(row.contentType()).isEqualTo(ContentTypes.AVRO_BINARY);
        assertThat(row.headers()).containsEntry("origin", "test").doesNotContainKey(MessageHeaders.TRACEPARENT);
        assertThat(row.attempts()).isZero();
        assertThat(row.lastError()).isNull();
        assertThat(row.createdAt()).isBefore(Instant.now().plusSeconds(5));
    }

    @Test
    void appendStoresTheCurrentTraceparent() {
        var spanContext = SpanContext.create("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7",
                TraceFlags.getSampled(), TraceState.getDefault());
        try (var scope = Span.wrap(spanContext).makeCurrent()) {
            transaction.executeWithoutResult(status -> writer.append(message("c-1")));
        }
        OutboxRecord row = store.fetchUnsent(1).get(0);
        assertThat(row.headers()).containsEntry(MessageHeaders.TRACEPARENT,
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        assertThat(row.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(Span.fromContext(TraceContext.extract(row.headers())).getSpanContext().getSpanId())
                .isEqualTo("00f067aa0ba902b7");
    }

    @Test
    void aJsonMessageHasNoSchema() {
        var json = OutboxMessage.json(UUID.randomUUID(), RabbitTopology.NOTIFICATIONS_EXCHANGE,
                RabbitTopology.NOTIFICATION_JOB_ROUTING_KEY,
                "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        transaction.executeWithoutResult(status -> writer.append(json));
        OutboxRecord row = store.fetchUnsent(1).get(0);
        assertThat(row.payloadSchema()).isNull();
        assertThat(row.contentType()).isEqualTo(ContentTypes.JSON);
        assertThat(row.headers()).isEmpty();
    }

    @Test
    void unsentRowsComeInIdOrderAndSentRowsLeaveTheBacklog() {
        transaction.executeWithoutResult(status -> {
            for (int i = 0; i < 5; i++) {
                writer.append(message("c-" + i));
            }
        });
        List<OutboxRecord> firstThree = store.fetchUnsent(3);
        assertThat(firstThree).extracting(OutboxRecord::messageKey).containsExactly("c-0", "c-1", "c-2");
        assertThat(store.countUnsent()).isEqualTo(5);
        Instant oldest = store.oldestUnsentCreatedAt().orElseThrow();

        assertThat(store.markSent(firstThree.stream().map(OutboxRecord::id).toList())).isEqualTo(3);
        assertThat(store.markSent(List.of(firstThree.get(0).id()))).as("marking again changes nothing").isZero();
        assertThat(store.countUnsent()).isEqualTo(2);
        assertThat(store.fetchUnsent(10)).extracting(OutboxRecord::messageKey).containsExactly("c-3", "c-4");
        assertThat(store.oldestUnsentCreatedAt()).get().satisfies(t -> assertThat(t).isAfterOrEqualTo(oldest));

        assertThat(store.deleteSentBefore(Instant.now().plusSeconds(60), 2)).isEqualTo(2);
        assertThat(rowCount()).isEqualTo(3);
        assertThat(store.countUnsent()).isEqualTo(2);
    }

    @Test
    void aFailureIsCountedAndItsErrorKeptShort() {
        transaction.executeWithoutResult(status -> writer.append(message("c-1")));
        long id = store.fetchUnsent(1).get(0).id();
        store.recordFailure(id, "first");
        store.recordFailure(id, "x".repeat(5000));

        OutboxRecord row = store.fetchUnsent(1).get(0);
        assertThat(row.attempts()).isEqualTo(2);
        assertThat(row.lastError()).hasSize(OutboxStore.MAX_ERROR_LENGTH);
        assertThat(store.countUnsent()).isEqualTo(1);
    }

    @Test
    void eventIdsAreUnique() {
        var first = message("c-1");
        transaction.executeWithoutResult(status -> writer.append(first));
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> writer.append(first)))
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
        assertThat(rowCount()).isEqualTo(1);
    }

    private static OutboxMessage message(String clientId) {
        return OutboxMessage.avro(UUID.randomUUID(), Topics.CLIENT_EVENTS_NAME, clientId,
                new byte[] {1, 2, 3, (byte) 0xff}, "{\"type\":\"string\"}")
                .withHeader("origin", "test");
    }

    private static int rowCount() {
        return jdbc.queryForObject("SELECT count(*) FROM outbox", Integer.class);
    }

    private static HikariDataSource dataSource(String url) {
        var ds = new HikariDataSource();
        ds.setJdbcUrl(url);
        ds.setUsername(PostgresDatabases.username());
        ds.setPassword(PostgresDatabases.password());
        ds.setMaximumPoolSize(3);
        return ds;
    }
}
