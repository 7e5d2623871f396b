package io.banksuite.analytics.totals;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code minute_totals}: one row per minute, currency and merchant category. */
@Repository
public class MinuteTotalsRepository {

    private final JdbcClient jdbc;

    public MinuteTotalsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds one transaction to its bucket, creating the bucket if needed, in a single atomic statement. */
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

    /** The buckets whose minute is in {@code [from, to)}, by minute, currency and category. */
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
