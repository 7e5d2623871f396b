package io.banksuite.fraud.adapter.out.persistence;

import io.banksuite.fraud.application.port.out.ClientActivityStore;
import io.banksuite.fraud.domain.ClientActivity;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The client_activity table. Keyed by transaction, so a second event about one transaction adds nothing. */
@Repository
public class JdbcClientActivityStore implements ClientActivityStore {

    private final JdbcClient jdbc;

    public JdbcClientActivityStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(String clientId, UUID transactionId, Instant occurredAt) {
        jdbc.sql("""
                        INSERT INTO client_activity (client_id, transaction_id, occurred_at)
                        VALUES (?, ?, ?)
                        ON CONFLICT (client_id, transaction_id) DO NOTHING""")
                .params(clientId, transactionId, Timestamp.from(occurredAt))
                .update();
    }

    @Override
    public ClientActivity between(String clientId, UUID excludedTransactionId, Instant from, Instant to) {
        return new ClientActivity(jdbc.sql("""
                        SELECT occurred_at FROM client_activity
                        WHERE client_id = ? AND occurred_at >= ? AND occurred_at <= ? AND transaction_id <> ?""")
                .params(clientId, Timestamp.from(from), Timestamp.from(to), excludedTransactionId)
                .query((rs, row) -> rs.getTimestamp(1).toInstant())
                .list());
    }

    @Override
    public int purgeRecordedBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM client_activity WHERE recorded_at < ?")
                .param(Timestamp.from(cutoff))
                .update();
    }
}
