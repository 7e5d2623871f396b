package io.banksuite.ml.adapter.out.persistence;

import java.time.LocalDate;
import java.util.List;

import io.banksuite.ml.application.port.out.DailySpendStore;
import io.banksuite.ml.domain.DailySpend;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code client_daily_spend} (migration V4): one row per client, day and currency, its highest count. */
@Repository
public class JdbcDailySpendStore implements DailySpendStore {

    private final JdbcClient jdbc;

    public JdbcDailySpendStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean keepIfHigher(DailySpend spend) {
        return jdbc.sql("""
                        INSERT INTO client_daily_spend (client_id, day, currency, txn_count, total_minor)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (client_id, day, currency) DO UPDATE
                            SET txn_count = EXCLUDED.txn_count, total_minor = EXCLUDED.total_minor,
                                updated_at = now()
                            WHERE client_daily_spend.txn_count < EXCLUDED.txn_count""")
                .params(spend.clientId(), spend.day(), spend.currency(), spend.count(), spend.totalMinor())
                .update() == 1;
    }

    @Override
    public List<DailySpend> find(String clientId, LocalDate day) {
        return jdbc.sql("""
                        SELECT client_id, day, currency, txn_count, total_minor FROM client_daily_spend
                        WHERE client_id = ? AND day = ? ORDER BY currency""")
                .params(clientId, day)
                .query((rs, row) -> new DailySpend(rs.getString("client_id"), rs.getObject("day", LocalDate.class),
                        rs.getString("currency"), rs.getLong("total_minor"), rs.getLong("txn_count")))
                .list();
    }
}
