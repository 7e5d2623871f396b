package io.banksuite.outbox;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The relay's side of the outbox: the next unsent rows in publication (id) order, marking rows sent once the broker
 * acknowledged them, and recording failed attempts. Each method is one SQL statement and so atomic on its own.
 */
public class OutboxStore {

    /** Longest {@code last_error} kept; stack traces belong in the logs. */
    static final int MAX_ERROR_LENGTH = 2000;

    private static final String SELECT_UNSENT = """
            SELECT id, event_id, destination, message_key, payload, payload_schema, content_type, headers::text AS headers,
                   created_at, attempts, last_error
            FROM outbox
            WHERE sent_at IS NULL
            ORDER BY id
            LIMIT ?""";

    private static final RowMapper<OutboxRecord> ROW_MAPPER = OutboxStore::mapRow;

    private final JdbcTemplate jdbc;

    public OutboxStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(Objects.requireNonNull(dataSource, "dataSource"));
    }

    /** Up to {@code limit} unsent rows, lowest id first. */
    public List<OutboxRecord> fetchUnsent(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        return jdbc.query(SELECT_UNSENT, ROW_MAPPER, limit);
    }

    /**
     * Marks the rows sent, all or none (one statement). Rows already marked keep their first {@code sent_at}.
     *
     * @return how many rows this call marked
     */
    public int markSent(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        Long[] array = ids.toArray(Long[]::new);
        return jdbc.update(connection -> {
            var statement = connection.prepareStatement(
                    "UPDATE outbox SET sent_at = now() WHERE id = ANY (?) AND sent_at IS NULL");
            statement.setArray(1, connection.createArrayOf("bigint", array));
            return statement;
        });
    }

    /** Counts a failed publication attempt of the row and keeps its error (shortened). */
    public void recordFailure(long id, String error) {
        String message = error == null ? "unknown error" : error;
        if (message.length() > MAX_ERROR_LENGTH) {
            message = message.substring(0, MAX_ERROR_LENGTH);
        }
        jdbc.update("UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?", message, id);
    }

    /** Number of unsent rows: the relay's backlog. */
    public long countUnsent() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM outbox WHERE sent_at IS NULL", Long.class);
        return count == null ? 0 : count;
    }

    /** When the oldest unsent row was written; empty when nothing waits. */
    public Optional<Instant> oldestUnsentCreatedAt() {
        List<OffsetDateTime> oldest = jdbc.queryForList(
                "SELECT created_at FROM outbox WHERE sent_at IS NULL ORDER BY id LIMIT 1", OffsetDateTime.class);
        return oldest.stream().findFirst().map(OffsetDateTime::toInstant);
    }

    /**
     * Deletes up to {@code limit} rows sent before {@code sentBefore}; the table would otherwise grow forever.
     *
     * @return how many rows were deleted
     */
    public int deleteSentBefore(Instant sentBefore, int limit) {
        return jdbc.update("""
                DELETE FROM outbox WHERE id IN (
                    SELECT id FROM outbox WHERE sent_at < ? ORDER BY id LIMIT ?)""",
                OffsetDateTime.ofInstant(sentBefore, java.time.ZoneOffset.UTC), limit);
    }

    private static OutboxRecord mapRow(ResultSet rs, int rowNum) throws SQLException {
        return new OutboxRecord(
                rs.getLong("id"),
                rs.getObject("event_id", UUID.class),
                rs.getString("destination"),
                rs.getString("message_key"),
                rs.getBytes("payload"),
                rs.getString("payload_schema"),
                rs.getString("content_type"),
                HeadersJson.read(rs.getString("headers")),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getInt("attempts"),
                rs.getString("last_error"));
    }
}
