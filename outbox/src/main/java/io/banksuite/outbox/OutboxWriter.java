package io.banksuite.outbox;

import io.banksuite.schemas.MessageHeaders;
import io.banksuite.schemas.tracing.TraceContext;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.util.LinkedHashMap;
import java.util.Objects;

/**
 * Appends messages to the outbox inside the caller's database transaction, so that the message exists if and only
 * if the state change it announces committed. It refuses to run outside a transaction on the same DataSource: an
 * auto-committed outbox row could announce a change that later rolls back (or never announce one that commits).
 */
public class OutboxWriter {

    private static final String INSERT = """
            INSERT INTO outbox (event_id, destination, message_key, payload, payload_schema, content_type, headers)
            VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb))
            RETURNING id""";

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;

    public OutboxWriter(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /**
     * Inserts the message, adding the current {@code traceparent} unless the message carries one.
     *
     * @return the row's id (its publication order)
     * @throws IllegalTransactionStateException when no transaction is active on this writer's DataSource
     */
    public long append(OutboxMessage message) {
        Objects.requireNonNull(message, "message");
        requireTransaction();
        var headers = new LinkedHashMap<>(message.headers());
        if (!headers.containsKey(MessageHeaders.TRACEPARENT)) {
            TraceContext.injectCurrent(headers);
        }
        Long id = jdbc.queryForObject(INSERT, Long.class,
                message.eventId(), message.destination(), message.messageKey(), message.payload(),
                message.payloadSchema(), message.contentType(), HeadersJson.write(headers));
        return Objects.requireNonNull(id, "INSERT ... RETURNING id returned no id");
    }

    private void requireTransaction() {
        // The second check catches a transaction that is active on another DataSource (or transaction manager):
        // JdbcTemplate would then run the insert on its own auto-committed connection.
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.hasResource(dataSource)) {
            throw new IllegalTransactionStateException(
                    "OutboxWriter.append must run inside a transaction on the outbox's DataSource"
                            + " (e.g. a @Transactional method using that DataSource's transaction manager)");
        }
    }
}
