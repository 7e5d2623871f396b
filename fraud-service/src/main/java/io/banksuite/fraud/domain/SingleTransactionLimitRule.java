package io.banksuite.fraud.domain;

import java.util.Optional;

/**
 * Flags a transaction whose amount is strictly above the client's single-transaction limit in its currency, as in
 * force when it occurred. No limit in that currency, no flag.
 */
public final class SingleTransactionLimitRule implements FraudRule {

    @Override
    public Optional<FraudReason> evaluate(TransactionFacts transaction, ClientHistory history) {
        return history.limit()
                .filter(limit -> limit.currency().equals(transaction.currency()))
                .filter(limit -> transaction.amountMinor() > limit.singleTransactionMinor())
                .map(limit -> FraudReason.SINGLE_TRANSACTION_LIMIT_EXCEEDED);
    }
}
