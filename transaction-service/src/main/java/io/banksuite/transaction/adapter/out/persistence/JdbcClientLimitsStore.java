package io.banksuite.transaction.adapter.out.persistence;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Currency;
import java.util.List;

import io.banksuite.transaction.domain.ClientLimits;
import io.banksuite.transaction.domain.CurrencyLimit;
import io.banksuite.transaction.domain.Versioned;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The versions of clients' limits (migration V2): client_limit_versions, and a version's limits in client_limits. */
@Repository
public class JdbcClientLimitsStore extends JdbcVersionStore<ClientLimits> {

    public JdbcClientLimitsStore(JdbcTemplate jdbc) {
        super(jdbc, "client_limit_versions", List.of());
    }

    @Override
    protected ClientLimits state(ResultSet row) throws SQLException {
        return new ClientLimits(jdbc.query("""
                        SELECT currency, single_transaction_minor, daily_minor FROM client_limits
                        WHERE client_id = ? AND version = ? ORDER BY currency""",
                (rs, n) -> {
                    Currency currency = Currency.getInstance(rs.getString("currency"));
                    int digits = currency.getDefaultFractionDigits();
                    return new CurrencyLimit(currency,
                            BigDecimal.valueOf(rs.getLong("single_transaction_minor"), digits),
                            BigDecimal.valueOf(rs.getLong("daily_minor"), digits));
                },
                row.getString("client_id"), row.getLong("version")));
    }

    @Override
    protected List<Object> stateValues(ClientLimits state) {
        return List.of();
    }

    @Override
    protected void insertDetails(Versioned<ClientLimits> version) {
        jdbc.batchUpdate("""
                        INSERT INTO client_limits (client_id, version, currency, single_transaction_minor, daily_minor)
                        VALUES (?, ?, ?, ?, ?)""",
                version.state().byCurrency().stream()
                        .map(limit -> new Object[] {version.clientId(), version.version(),
                                limit.currency().getCurrencyCode(), limit.singleTransactionMinor(),
                                limit.dailyMinor()})
                        .toList());
    }
}
