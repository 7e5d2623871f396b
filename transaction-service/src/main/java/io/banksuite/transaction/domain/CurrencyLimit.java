package io.banksuite.transaction.domain;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * A client's limits in one currency, exact, with the currency's fraction digits as their scale.
 *
 * @param singleTransaction the largest amount of one transaction
 * @param daily             the largest total of one UTC day's transactions; never below {@code singleTransaction}
 */
public record CurrencyLimit(Currency currency, BigDecimal singleTransaction, BigDecimal daily) {

    public CurrencyLimit {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(singleTransaction, "singleTransaction");
        Objects.requireNonNull(daily, "daily");
        if (daily.compareTo(singleTransaction) < 0) {
            throw new IllegalArgumentException("A daily limit below the single-transaction limit: " + this);
        }
    }

    public long singleTransactionMinor() {
        return RequestFields.minorUnits(singleTransaction, currency);
    }

    public long dailyMinor() {
        return RequestFields.minorUnits(daily, currency);
    }
}
