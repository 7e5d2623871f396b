package io.banksuite.fraud.adapter.out.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import io.banksuite.fraud.application.port.out.ClientStandingStore;
import io.banksuite.fraud.domain.ClientStanding;
import io.banksuite.fraud.domain.ClientStatus;
import io.banksuite.fraud.domain.SpendingLimit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** client_status_history, client_limit_history and client_limit_entries (migration V3). */
@Repository
public class JdbcClientStandingStore implements ClientStandingStore {

    private final JdbcClient jdbc;

    public JdbcClientStandingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(ClientStanding change) {
        Timestamp effectiveAt = Timestamp.from(change.effectiveAt());
        if (change instanceof ClientStanding.StatusChange status) {
            jdbc.sql("""
                            INSERT INTO client_status_history (client_id, version, effective_at, status)
                            VALUES (?, ?, ?, ?) ON CONFLICT (client_id, version) DO NOTHING""")
                    .params(status.clientId(), status.version(), effectiveAt, status.status().name())
                    .update();
        } else if (change instanceof ClientStanding.LimitsChange limits) {
            int added = jdbc.sql("""
                            INSERT INTO client_limit_history (client_id, version, effective_at)
                            VALUES (?, ?, ?) ON CONFLICT (client_id, version) DO NOTHING""")
                    .params(limits.clientId(), limits.version(), effectiveAt)
                    .update();
            if (added == 1) {
                for (SpendingLimit limit : limits.limits()) {
                    jdbc.sql("""
                                    INSERT INTO client_limit_entries (client_id, version, currency,
                                        single_transaction_minor, daily_minor)
                                    VALUES (?, ?, ?, ?, ?)""")
                            .params(limits.clientId(), limits.version(), limit.currency(),
                                    limit.singleTransactionMinor(), limit.dailyMinor())
                            .update();
                }
            }
        }
    }

    @Override
    public Optional<ClientStatus> statusAt(String clientId, Instant at) {
        return jdbc.sql("""
                        SELECT status FROM client_status_history WHERE client_id = ? AND effective_at <= ?
                        ORDER BY effective_at DESC, version DESC LIMIT 1""")
                .params(clientId, Timestamp.from(at))
                .query((rs, row) -> ClientStatus.valueOf(rs.getString("status")))
                .optional();
    }

    @Override
    public Optional<SpendingLimit> limitAt(String clientId, String currency, Instant at) {
        return jdbc.sql("""
                        SELECT e.currency, e.single_transaction_minor, e.daily_minor
                        FROM (SELECT version FROM client_limit_history WHERE client_id = ? AND effective_at <= ?
                              ORDER BY effective_at DESC, version DESC LIMIT 1) latest
                        JOIN client_limit_entries e ON e.client_id = ? AND e.version = latest.version
                        WHERE e.currency = ?""")
                .params(clientId, Timestamp.from(at), clientId, currency)
                .query((rs, row) -> new SpendingLimit(rs.getString("currency"), rs.getLong("single_transaction_minor"),
                        rs.getLong("daily_minor")))
                .optional();
    }
}
