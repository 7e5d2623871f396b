package io.banksuite.notification.adapter.out.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.banksuite.notification.application.port.out.AuditLogStore;
import io.banksuite.notification.domain.AuditedAlert;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Table {@code alert_audit_log} (V2): INSERT only; the table's trigger refuses anything else. */
@Repository
public class JdbcAuditLogStore implements AuditLogStore {

    private static final String COLUMNS = "alert_id, kind, transaction_id, client_id, event_id, reasons, "
            + "alert_created_at, trace_id, recorded_at, attempt";

    private final JdbcTemplate jdbc;

    public JdbcAuditLogStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean append(AuditedAlert alert) {
        return jdbc.update(con -> {
            var statement = con.prepareStatement("INSERT INTO alert_audit_log (" + COLUMNS + ") "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (alert_id) DO NOTHING");
            statement.setObject(1, alert.alertId());
            statement.setString(2, alert.kind());
            statement.setObject(3, alert.transactionId());
            statement.setString(4, alert.clientId());
            statement.setObject(5, alert.eventId());
            statement.setArray(6, con.createArrayOf("text", alert.reasons().toArray()));
            statement.setObject(7, alert.alertCreatedAt() == null
                    ? null : OffsetDateTime.ofInstant(alert.alertCreatedAt(), ZoneOffset.UTC));
            statement.setString(8, alert.traceId());
            statement.setObject(9, OffsetDateTime.ofInstant(alert.recordedAt(), ZoneOffset.UTC));
            statement.setInt(10, alert.attempt());
            return statement;
        }) == 1;
    }

    @Override
    public List<AuditedAlert> forTransaction(UUID transactionId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM alert_audit_log WHERE transaction_id = ? ORDER BY seq",
                (rs, row) -> map(rs), transactionId);
    }

    @Override
    public List<AuditedAlert> forClient(String clientId, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM alert_audit_log WHERE client_id = ? ORDER BY seq DESC LIMIT ?",
                (rs, row) -> map(rs), clientId, limit);
    }

    private static AuditedAlert map(ResultSet rs) throws SQLException {
        OffsetDateTime created = rs.getObject("alert_created_at", OffsetDateTime.class);
        return new AuditedAlert(rs.getObject("alert_id", UUID.class), rs.getString("kind"),
                rs.getObject("transaction_id", UUID.class), rs.getString("client_id"),
                rs.getObject("event_id", UUID.class), JdbcArrays.strings(rs.getArray("reasons")),
                created == null ? null : created.toInstant(), rs.getString("trace_id"),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant(), rs.getInt("attempt"));
    }
}
