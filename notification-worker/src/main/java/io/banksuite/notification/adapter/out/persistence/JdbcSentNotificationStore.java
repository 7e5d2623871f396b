package io.banksuite.notification.adapter.out.persistence;

import io.banksuite.notification.application.port.out.SentNotificationStore;
import io.banksuite.notification.domain.SentNotification;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class JdbcSentNotificationStore implements SentNotificationStore {

    private final JdbcTemplate jdbc;

    public JdbcSentNotificationStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean isSent(UUID jobId) {
        Boolean exists = jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM sent_notification WHERE job_id = ?)",
                Boolean.class, jobId);
        return Boolean.TRUE.equals(exists);
    }

    @Override
    public boolean recordSent(SentNotification sent) {
        int inserted = jdbc.update(con -> {
            var statement = con.prepareStatement("""
                    INSERT INTO sent_notification (job_id, kind, client_id, transaction_id, event_id, sent_at,
                                                   attempts, provider, trace_id, retried_via)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (job_id) DO NOTHING""");
            statement.setObject(1, sent.jobId());
            statement.setString(2, sent.kind());
            statement.setString(3, sent.clientId());
            statement.setObject(4, sent.transactionId());
            statement.setObject(5, sent.eventId());
            statement.setObject(6, OffsetDateTime.ofInstant(sent.sentAt(), ZoneOffset.UTC));
            statement.setInt(7, sent.attempts());
            statement.setString(8, sent.provider());
            statement.setString(9, sent.traceId());
            statement.setArray(10, con.createArrayOf("text", sent.retriedVia().toArray()));
            return statement;
        });
        return inserted == 1;
    }

    @Override
    public Optional<SentNotification> find(UUID jobId) {
        return jdbc.query("""
                SELECT job_id, kind, client_id, transaction_id, event_id, sent_at, attempts, provider, trace_id,
                       retried_via
                FROM sent_notification WHERE job_id = ?""", (rs, row) -> map(rs), jobId).stream().findFirst();
    }

    private static SentNotification map(ResultSet rs) throws SQLException {
        return new SentNotification(
                rs.getObject("job_id", UUID.class),
                rs.getString("kind"),
                rs.getString("client_id"),
                rs.getObject("transaction_id", UUID.class),
                rs.getObject("event_id", UUID.class),
                rs.getObject("sent_at", OffsetDateTime.class).toInstant(),
                rs.getInt("attempts"),
                rs.getString("provider"),
                rs.getString("trace_id"),
                JdbcArrays.strings(rs.getArray("retried_via")));
    }
}
