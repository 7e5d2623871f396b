package io.banksuite.fraud.activity;

import io.banksuite.fraud.rules.ClientActivity;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The client_activity table: which transactions each client made, and when (event time). */
@Repository
public class ClientActivityRepository {

    private final JdbcClient jdbc;

    public ClientActivityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a transaction; a transaction already recorded is left as it is. */
    public void record(String clientId, UUID transactionId, Instant occurredAt) {
        jdbc.sql("""
                        INSERT INTO client_activity (client_id, transaction_id, occurred_at)
                        VALUES (?, ?, ?)
                        ON CONFLICT (client_id, transaction_id) DO NOTHING""")
                .params(clientId, transactionId, Timestamp.from(occurredAt))
                .update();
    }

    /** The client's other transactions that occurred in [from, to]. */
    public ClientActivity between(String clientId, UUID excludedTransactionId, Instant from, Instant to) {
        return new ClientActivity(jdbc.sql("""
                        SELECT occurred_at FROM client_activity
                        WHERE client_id = ? AND occurred_at >= ? AND occurred_at <= ? AND transaction_id <> ?""")
                .params(clientId, Timestamp.from(from), Timestamp.from(to), excludedTransactionId)
                .query((rs, row) -> rs.getTimestamp(1).toInstant())
                .list());
    }

    /** Deletes rows recorded before the cutoff; returns how many. */
    public int purgeRecordedBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM client_activity WHERE recorded_at < ?")
                .param(Timestamp.from(cutoff))
                .update();
    }
}
