package io.banksuite.inbox;

import java.util.Objects;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The inbox table {@code inbox_processed_event}: which events this service has already applied.
 */
public class ProcessedEvents {

    private static final String INSERT = """
            INSERT INTO inbox_processed_event (event_id, consumer_group, topic, kafka_partition, kafka_offset, record_key)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (event_id) DO NOTHING
            """;

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;

    public ProcessedEvents(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /**
     * Records the event as processed unless it already is.
     * <p>
     * Must run inside the caller's transaction on this service's {@link DataSource}, the one that also applies the
     * event's effect: the row and the effect must commit together, or a crash between two commits would either
     * lose the effect or apply it twice. A concurrent insert of the same id waits for the other transaction and
     * then counts as a duplicate.
     *
     * @return true if the event is new (apply its effect), false if it was processed before (skip it)
     * @throws IllegalTransactionStateException if no transaction on this DataSource is active
     */
    public boolean markProcessed(InboundEvent event) {
        requireTransaction();
        int inserted = jdbc.update(INSERT, event.eventId(), event.consumerGroup(), event.topic(), event.partition(),
                event.offset(), event.recordKey());
        return inserted == 1;
    }

    /** Whether the event has been processed (committed, or written earlier in the current transaction). */
    public boolean isProcessed(UUID eventId) {
        Boolean exists = jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM inbox_processed_event WHERE event_id = ?)", Boolean.class, eventId);
        return Boolean.TRUE.equals(exists);
    }

    // Propagation.MANDATORY, checked by hand so it holds without a proxy and checks the transaction is on *this*
    // DataSource: a transaction on another one would let JdbcTemplate take a separate, auto-committed connection.
    private void requireTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.hasResource(dataSource)) {
            throw new IllegalTransactionStateException("ProcessedEvents.markProcessed must run inside the caller's "
                    + "database transaction, so that the inbox row and the event's effect commit together");
        }
    }
}
