package io.banksuite.ml.adapter.out.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import io.banksuite.ml.application.port.out.ClientFeaturesStore;
import io.banksuite.ml.domain.CurrencyFeatures;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code client_currency_features}: one row per client and currency. */
@Repository
public class JdbcClientFeaturesStore implements ClientFeaturesStore {

    private static final String COLUMNS = "client_id, currency, txn_count, sum_minor, avg_minor, last_seen_at";

    private final JdbcClient jdbc;

    public JdbcClientFeaturesStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<CurrencyFeatures> findForUpdate(String clientId, String currency) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM client_currency_features WHERE client_id = ? AND currency = ? "
                        + "FOR UPDATE")
                .params(clientId, currency)
                .query(JdbcClientFeaturesStore::map)
                .optional();
    }

    @Override
    public List<CurrencyFeatures> findByClient(String clientId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM client_currency_features WHERE client_id = ? ORDER BY currency")
                .param(clientId)
                .query(JdbcClientFeaturesStore::map)
                .list();
    }

    /** A concurrent first insert of the same client and currency fails on the primary key. */
    @Override
    public void insert(CurrencyFeatures features) {
        jdbc.sql("INSERT INTO client_currency_features (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)")
                .params(features.clientId(), features.currency(), features.count(), features.sumMinor(),
                        features.averageMinor(), Timestamp.from(features.lastSeenAt()))
                .update();
    }

    @Override
    public void update(CurrencyFeatures features) {
        int updated = jdbc.sql("""
                        UPDATE client_currency_features
                        SET txn_count = ?, sum_minor = ?, avg_minor = ?, last_seen_at = ?, updated_at = now()
                        WHERE client_id = ? AND currency = ?""")
                .params(features.count(), features.sumMinor(), features.averageMinor(),
                        Timestamp.from(features.lastSeenAt()), features.clientId(), features.currency())
                .update();
        if (updated != 1) {
            throw new IllegalStateException("No features row for " + features.clientId() + "/" + features.currency());
        }
    }

    private static CurrencyFeatures map(ResultSet rs, int row) throws SQLException {
        return new CurrencyFeatures(rs.getString("client_id"), rs.getString("currency"), rs.getLong("txn_count"),
                rs.getLong("sum_minor"), rs.getBigDecimal("avg_minor"), rs.getTimestamp("last_seen_at").toInstant());
    }
}
