package io.banksuite.transaction.adapter.out.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.banksuite.transaction.application.port.out.ClientStateStore;
import io.banksuite.transaction.domain.ClientState;
import io.banksuite.transaction.domain.Versioned;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A table of versions keyed by (client_id, version), with the columns every version has (changed_at, event_id,
 * idempotency_key, request_fingerprint) and those of its state, which a subclass names, reads and writes.
 */
abstract class JdbcVersionStore<S extends ClientState> implements ClientStateStore<S> {

    protected final JdbcTemplate jdbc;
    private final String table;
    private final String selectColumns;

    JdbcVersionStore(JdbcTemplate jdbc, String table, List<String> stateColumns) {
        this.jdbc = jdbc;
        this.table = table;
        List<String> columns = new ArrayList<>(List.of("client_id", "version", "changed_at", "event_id"));
        columns.addAll(stateColumns);
        this.selectColumns = String.join(", ", columns);
    }

    /** The state of the version on the current row; may query more (the version's own rows). */
    protected abstract S state(ResultSet row) throws SQLException;

    /** The values of the state columns, in their order. */
    protected abstract List<Object> stateValues(S state);

    /** After the version's row was inserted: the state's own rows, if it has any. */
    protected void insertDetails(Versioned<S> version) {
    }

    @Override
    public Optional<Versioned<S>> current(String clientId) {
        return jdbc.query("SELECT " + selectColumns + " FROM " + table
                        + " WHERE client_id = ? ORDER BY version DESC LIMIT 1", (rs, n) -> version(rs), clientId)
                .stream().findFirst();
    }

    @Override
    public Optional<KeyedVersion<S>> byIdempotencyKey(String clientId, String idempotencyKey) {
        return jdbc.query("SELECT " + selectColumns + ", request_fingerprint FROM " + table
                                + " WHERE client_id = ? AND idempotency_key = ?",
                        (rs, n) -> new KeyedVersion<>(version(rs), rs.getString("request_fingerprint")),
                        clientId, idempotencyKey)
                .stream().findFirst();
    }

    /** ON CONFLICT DO NOTHING covers both the version's key and the idempotency key. */
    @Override
    public boolean insert(Versioned<S> version, String idempotencyKey, String requestFingerprint) {
        List<Object> values = new ArrayList<>(List.of(version.clientId(), version.version(),
                version.changedAt().atOffset(ZoneOffset.UTC), version.eventId()));
        values.addAll(stateValues(version.state()));
        values.add(idempotencyKey);
        values.add(requestFingerprint);
        String columns = selectColumns + ", idempotency_key, request_fingerprint";
        String placeholders = String.join(", ", Collections.nCopies(values.size(), "?"));
        int inserted = jdbc.update("INSERT INTO " + table + " (" + columns + ") VALUES (" + placeholders + ")"
                + " ON CONFLICT DO NOTHING", values.toArray());
        if (inserted == 0) {
            return false;
        }
        insertDetails(version);
        return true;
    }

    private Versioned<S> version(ResultSet rs) throws SQLException {
        return new Versioned<>(rs.getString("client_id"), rs.getLong("version"), state(rs),
                instant(rs.getObject("changed_at", OffsetDateTime.class)), rs.getObject("event_id", UUID.class));
    }

    private static Instant instant(OffsetDateTime time) {
        return time.withOffsetSameInstant(ZoneOffset.UTC).toInstant();
    }
}
