package io.banksuite.fraud.domain;

import java.time.Duration;
import java.util.Optional;

/** One fraud rule: pure, deterministic, no I/O. */
public interface FraudRule {

    /** The reason this rule flags the transaction, or empty when it does not. */
    Optional<FraudReason> evaluate(TransactionFacts transaction, ClientHistory history);

    /** How far before the transaction this rule looks into the client's earlier transactions; zero if it does not. */
    default Duration lookback() {
        return Duration.ZERO;
    }
}
