package io.banksuite.ml.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.jspecify.annotations.Nullable;

/** How one transaction changes a client's features in its currency. Pure; no I/O. */
public final class FeatureMaths {

    /** Decimal places of the average, in minor units (1/100 of a cent for EUR). */
    public static final int AVERAGE_SCALE = 2;
    /** Banker's rounding: no upward bias when many averages are rounded. */
    public static final RoundingMode AVERAGE_ROUNDING = RoundingMode.HALF_EVEN;

    private FeatureMaths() {
    }

    /**
     * The features after {@code transaction}.
     *
     * @param current the features of the transaction's client and currency so far, or null if none
     * @throws IllegalArgumentException if {@code current} is of another client or currency
     * @throws ArithmeticException      if the sum would overflow a long
     */
    public static CurrencyFeatures observe(@Nullable CurrencyFeatures current, TransactionObservation transaction) {
        if (current == null) {
            return new CurrencyFeatures(transaction.clientId(), transaction.currency(), 1, transaction.amountMinor(),
                    average(transaction.amountMinor(), 1), transaction.occurredAt());
        }
        if (!current.clientId().equals(transaction.clientId()) || !current.currency().equals(transaction.currency())) {
            throw new IllegalArgumentException("Features of " + current.clientId() + "/" + current.currency()
                    + " cannot take a transaction of " + transaction.clientId() + "/" + transaction.currency());
        }
        long count = Math.addExact(current.count(), 1);
        long sum = Math.addExact(current.sumMinor(), transaction.amountMinor());
        // The latest occurrence, even if events of one client arrive slightly out of their occurredAt order.
        var lastSeen = transaction.occurredAt().isAfter(current.lastSeenAt())
                ? transaction.occurredAt() : current.lastSeenAt();
        return new CurrencyFeatures(current.clientId(), current.currency(), count, sum, average(sum, count), lastSeen);
    }

    /** {@code sumMinor / count}, exact division rounded to {@link #AVERAGE_SCALE} places, {@link #AVERAGE_ROUNDING}. */
    public static BigDecimal average(long sumMinor, long count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive: " + count);
        }
        return BigDecimal.valueOf(sumMinor).divide(BigDecimal.valueOf(count), AVERAGE_SCALE, AVERAGE_ROUNDING);
    }
}
