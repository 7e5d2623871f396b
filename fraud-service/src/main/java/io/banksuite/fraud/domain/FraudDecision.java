package io.banksuite.fraud.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** The outcome of screening one transaction: flagged exactly when at least one rule gave a reason. */
public record FraudDecision(UUID transactionId, UUID eventId, String clientId, boolean flagged,
                            List<FraudReason> reasons, Instant decidedAt) {

    public FraudDecision {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(decidedAt, "decidedAt");
        reasons = List.copyOf(reasons);
        if (flagged == reasons.isEmpty()) {
            throw new IllegalArgumentException("A decision is flagged exactly when it has reasons: flagged="
                    + flagged + ", reasons=" + reasons);
        }
    }

    public static FraudDecision of(TransactionFacts transaction, List<FraudReason> reasons, Instant decidedAt) {
        return new FraudDecision(transaction.transactionId(), transaction.eventId(), transaction.clientId(),
                !reasons.isEmpty(), reasons, decidedAt);
    }
}
