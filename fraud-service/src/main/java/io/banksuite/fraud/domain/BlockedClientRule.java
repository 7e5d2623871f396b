package io.banksuite.fraud.domain;

import java.util.Optional;

/** Flags every transaction of a client that was BLOCKED when the transaction occurred. */
public final class BlockedClientRule implements FraudRule {

    @Override
    public Optional<FraudReason> evaluate(TransactionFacts transaction, ClientHistory history) {
        return history.status().filter(status -> status == ClientStatus.BLOCKED)
                .map(status -> FraudReason.CLIENT_BLOCKED);
    }
}
