package io.banksuite.analytics.adapter.out.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import io.banksuite.analytics.application.port.out.MinuteTotalsStore;
import io.banksuite.analytics.domain.MinuteBucket;
import io.banksuite.analytics.domain.MinuteTotal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code minute_totals}: one row per minute, currency and merchant category. */
@Repository
public class JdbcMinuteTotalsStore implements MinuteTotalsStore {

    private final JdbcClient jdbc;

    public JdbcMinuteTotalsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One statement, so concurrent adds to one bucket never lose an update. */
    @Override
    public void add(MinuteBucket bucket, long amountMinor) {
        jdbc.sql("""
                        INSERT INTO minute_totals (minute, currency, merchant_category, txn_count, amount_minor)
                        VALUES (?, ?, ?, 1, ?)
                        ON CONFLICT (minute, currency, merchant_category) DO UPDATE
                        SET txn_count = minute_totals.txn_count + 1,
                            amount_minor = minute_totals.amount_minor + EXCLUDED.amount_minor,
                            updated_at = now()""")
                .params(Timestamp.from(bucket.minute()), bucket.currency(), bucket.merchantCategory(), amountMinor)
                .update();
    }

    @Override
    public List<MinuteTotal> findBetween(Instant from, Instant to) {
        return jdbc.sql("""
                        SELECT minute, currency, merchant_category, txn_count, amount_minor FROM minute_totals
                        WHERE minute >= ? AND minute < ?
                        ORDER BY minute, currency, merchant_category""")
                .params(Timestamp.from(from), Timestamp.from(to))
                .query((rs, row) -> new MinuteTotal(rs.getTimestamp("minute").toInstant(), rs.getString("currency"),
                        rs.getString("merchant_category"), rs.getLong("txn_count"), rs.getLong("amount_minor")))
                .list();
    }
}
