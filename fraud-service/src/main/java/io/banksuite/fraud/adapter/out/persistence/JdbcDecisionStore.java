package io.banksuite.fraud.adapter.out.persistence;

import io.banksuite.fraud.application.port.out.DecisionStore;
import io.banksuite.fraud.domain.FraudDecision;
import io.banksuite.fraud.domain.FraudReason;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The fraud_decision table: one decision per transaction. */
@Repository
public class JdbcDecisionStore implements DecisionStore {

    private static final String COLUMNS = "transaction_id, event_id, client_id, flagged, reasons, decided_at";

    private final JdbcClient jdbc;

    public JdbcDecisionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Another event about the same transaction finds the decision there, and stores nothing. */
    @Override
    public boolean insert(FraudDecision decision) {
        String reasons = "{" + String.join(",", decision.reasons().stream().map(Enum::name).toList()) + "}";
        return jdbc.sql("INSERT INTO fraud_decision (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?::text[], ?)"
                        + " ON CONFLICT DO NOTHING")
                .params(decision.transactionId(), decision.eventId(), decision.clientId(), decision.flagged(),
                        reasons, Timestamp.from(decision.decidedAt()))
                .update() == 1;
    }

    @Override
    public Optional<FraudDecision> find(UUID transactionId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM fraud_decision WHERE transaction_id = ?")
                .param(transactionId)
                .query(JdbcDecisionStore::map)
                .optional();
    }

    @Override
    public List<FraudDecision> latest(Optional<Boolean> flagged, int limit) {
        String where = flagged.map(f -> f ? " WHERE flagged" : " WHERE NOT flagged").orElse("");
        return jdbc.sql("SELECT " + COLUMNS + " FROM fraud_decision" + where
                        + " ORDER BY decided_at DESC, transaction_id LIMIT ?")
                .param(limit)
                .query(JdbcDecisionStore::map)
                .list();
    }

    private static FraudDecision map(ResultSet rs, int row) throws SQLException {
        Array reasons = rs.getArray("reasons");
        List<FraudReason> parsed = Arrays.stream((String[]) reasons.getArray()).map(FraudReason::valueOf).toList();
        return new FraudDecision(rs.getObject("transaction_id", UUID.class), rs.getObject("event_id", UUID.class),
                rs.getString("client_id"), rs.getBoolean("flagged"), parsed,
                rs.getTimestamp("decided_at").toInstant());
    }
}
