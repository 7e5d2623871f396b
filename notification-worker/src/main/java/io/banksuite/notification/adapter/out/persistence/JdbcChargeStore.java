package io.banksuite.notification.adapter.out.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import io.banksuite.notification.application.port.out.ChargeStore;
import io.banksuite.notification.domain.RecordedCharge;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Table {@code card_charge} (V3). */
@Repository
public class JdbcChargeStore implements ChargeStore {

    private static final String COLUMNS = "transaction_id, charge_id, client_id, card_id, amount_minor, currency, "
            + "status, processor_reference, reason, attempts, trace_id, decided_at";

    private final JdbcTemplate jdbc;

    public JdbcChargeStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<RecordedCharge> find(UUID transactionId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM card_charge WHERE transaction_id = ?", (rs, row) -> map(rs),
                transactionId).stream().findFirst();
    }

    @Override
    public boolean record(RecordedCharge charge) {
        return jdbc.update("INSERT INTO card_charge (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (transaction_id) DO NOTHING",
                charge.transactionId(), charge.chargeId(), charge.clientId(), charge.cardId(), charge.amountMinor(),
                charge.currency(), charge.status(), charge.processorReference(), charge.reason(), charge.attempts(),
                charge.traceId(), OffsetDateTime.ofInstant(charge.decidedAt(), ZoneOffset.UTC)) == 1;
    }

    private static RecordedCharge map(ResultSet rs) throws SQLException {
        return new RecordedCharge(rs.getObject("transaction_id", UUID.class), rs.getObject("charge_id", UUID.class),
                rs.getString("client_id"), rs.getString("card_id"), rs.getLong("amount_minor"),
                rs.getString("currency"), rs.getString("status"), rs.getString("processor_reference"),
                rs.getString("reason"), rs.getInt("attempts"), rs.getString("trace_id"),
                rs.getObject("decided_at", OffsetDateTime.class).toInstant());
    }
}
