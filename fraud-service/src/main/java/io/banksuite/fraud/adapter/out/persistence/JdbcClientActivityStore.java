package io.banksuite.fraud.adapter.out.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.banksuite.fraud.application.port.out.ClientActivityStore;
import io.banksuite.fraud.domain.ClientHistory.EarlierTransaction;
import io.banksuite.fraud.domain.TransactionFacts;
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
    public void record(TransactionFacts transaction) {
        jdbc.sql("""
                        INSERT INTO client_activity (client_id, transaction_id, occurred_at, amount_minor, currency)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (client_id, transaction_id) DO NOTHING""")
                .params(transaction.clientId(), transaction.transactionId(), Timestamp.from(transaction.occurredAt()),
                        transaction.amountMinor(), transaction.currency())
                .update();
    }

    @Override
    public List<EarlierTransaction> between(String clientId, UUID excludedTransactionId, Instant from, Instant to) {
        return jdbc.sql("""
                        SELECT occurred_at, amount_minor, currency FROM client_activity
                        WHERE client_id = ? AND occurred_at >= ? AND occurred_at <= ? AND transaction_id <> ?""")
                .params(clientId, Timestamp.from(from), Timestamp.from(to), excludedTransactionId)
                .query((rs, row) -> new EarlierTransaction(rs.getTimestamp("occurred_at").toInstant(),
                        rs.getLong("amount_minor"), rs.getString("currency")))
                .list();
    }

    @Override
    public int purgeRecordedBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM client_activity WHERE recorded_at < ?")
                .param(Timestamp.from(cutoff))
                .update();
    }
}
