package io.banksuite.fraud.domain;

import java.util.Objects;

/**
 * A client's limits in one currency, in its minor units, as transaction-service announces them
 * ({@code limit.changed}).
 *
 * @param singleTransactionMinor the largest amount of one transaction
 * @param dailyMinor             the largest total of one UTC day's transactions
 */
public record SpendingLimit(String currency, long singleTransactionMinor, long dailyMinor) {

    public SpendingLimit {
        Objects.requireNonNull(currency, "currency");
        if (singleTransactionMinor <= 0 || dailyMinor < singleTransactionMinor) {
            throw new IllegalArgumentException("Limits must be positive, the daily one at least the single one: "
                    + singleTransactionMinor + "/" + dailyMinor + " " + currency);
        }
    }
}
