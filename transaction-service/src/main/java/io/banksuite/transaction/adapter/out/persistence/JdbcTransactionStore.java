package io.banksuite.transaction.adapter.out.persistence;

import io.banksuite.transaction.application.port.out.TransactionStore;
import io.banksuite.transaction.domain.Channel;
import io.banksuite.transaction.domain.NewTransaction;
import io.banksuite.transaction.domain.Transaction;
import io.banksuite.transaction.domain.TransactionStatus;
import io.banksuite.transaction.domain.TransactionType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/** The transactions table (migrations V1, V3 and V4). */
@Repository
public class JdbcTransactionStore implements TransactionStore {

    private static final String COLUMNS = """
            id, seq, client_id, amount_minor, currency, type, merchant_id, merchant_category, merchant_country,
            channel, card_id, status, occurred_at, event_id, charge_id, status_reason, status_changed_at""";

    private static final RowMapper<Transaction> ROW_MAPPER = JdbcTransactionStore::mapRow;

    private final JdbcTemplate jdbc;

    public JdbcTransactionStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** PostgreSQL's ON CONFLICT makes a concurrent insert with the same key wait for the other's outcome. */
    @Override
    public OptionalLong insert(UUID id, NewTransaction tx, TransactionStatus status, Instant occurredAt,
                               UUID eventId, String idempotencyKey, String requestFingerprint) {
        List<Long> seq = jdbc.queryForList("""
                        INSERT INTO transactions (id, client_id, amount, amount_minor, currency, type, merchant_id,
                            merchant_category, merchant_country, channel, card_id, status, occurred_at, event_id,
                            idempotency_key, request_fingerprint)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (client_id, idempotency_key) DO NOTHING
                        RETURNING seq""", Long.class,
                id, tx.clientId(), tx.amount(), tx.amountMinor(), tx.currency().getCurrencyCode(), tx.type().name(),
                tx.merchantId(), tx.merchantCategory(), tx.merchantCountry(), tx.channel().name(), tx.cardId(),
                status.name(), occurredAt.atOffset(ZoneOffset.UTC), eventId, idempotencyKey, requestFingerprint);
        return seq.isEmpty() ? OptionalLong.empty() : OptionalLong.of(seq.get(0));
    }

    /** Only from CREATED: the row lock makes a concurrent second outcome wait, then find the status final. */
    @Override
    public boolean applyOutcome(UUID id, TransactionStatus status, Transaction.ChargeOutcome outcome) {
        return jdbc.update("""
                        UPDATE transactions SET status = ?, charge_id = ?, status_reason = ?, status_changed_at = ?
                        WHERE id = ? AND status = 'CREATED' AND card_id IS NOT NULL""",
                status.name(), outcome.chargeId(), outcome.reason(), outcome.decidedAt().atOffset(ZoneOffset.UTC),
                id) == 1;
    }

    @Override
    public Optional<Transaction> findById(UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM transactions WHERE id = ?", ROW_MAPPER, id)
                .stream().findFirst();
    }

    @Override
    public Optional<IdempotentTransaction> findByIdempotencyKey(String clientId, String idempotencyKey) {
        return jdbc.query("SELECT " + COLUMNS + ", request_fingerprint FROM transactions"
                                + " WHERE client_id = ? AND idempotency_key = ?",
                        (rs, n) -> new IdempotentTransaction(mapRow(rs, n), rs.getString("request_fingerprint")),
                        clientId, idempotencyKey)
                .stream().findFirst();
    }

    @Override
    public List<Transaction> findByClient(String clientId, long before, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM transactions WHERE client_id = ? AND seq < ?"
                + " ORDER BY seq DESC LIMIT ?", ROW_MAPPER, clientId, before, limit);
    }

    private static Transaction mapRow(ResultSet rs, int rowNum) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency"));
        long amountMinor = rs.getLong("amount_minor");
        return new Transaction(
                rs.getObject("id", UUID.class),
                rs.getLong("seq"),
                rs.getString("client_id"),
                // From the minor units, so the scale is the currency's (the NUMERIC column has scale 4).
                java.math.BigDecimal.valueOf(amountMinor, currency.getDefaultFractionDigits()),
                amountMinor,
                currency,
                TransactionType.valueOf(rs.getString("type")),
                rs.getString("merchant_id"),
                rs.getString("merchant_category"),
                rs.getString("merchant_country"),
                Channel.valueOf(rs.getString("channel")),
                rs.getString("card_id"),
                TransactionStatus.valueOf(rs.getString("status")),
                instant(rs, "occurred_at"),
                rs.getObject("event_id", UUID.class),
                outcome(rs));
    }

    private static Transaction.ChargeOutcome outcome(ResultSet rs) throws SQLException {
        UUID chargeId = rs.getObject("charge_id", UUID.class);
        return chargeId == null ? null
                : new Transaction.ChargeOutcome(chargeId, rs.getString("status_reason"), instant(rs, "status_changed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC).toInstant();
    }
}
