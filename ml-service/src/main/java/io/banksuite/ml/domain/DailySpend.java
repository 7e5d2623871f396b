package io.banksuite.ml.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What a client has spent so far on one UTC day in one currency: the "spend so far today" feature. Amounts of
 * different currencies are never added together.
 *
 * @param totalMinor exact total in the currency's minor units
 * @param count      the transactions it holds, from 1
 */
public record DailySpend(String clientId, LocalDate day, String currency, long totalMinor, long count) {

    public DailySpend {
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("clientId is required");
        }
        Objects.requireNonNull(day, "day");
        if (currency == null || !TransactionObservation.CURRENCY.matcher(currency).matches()) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code, not '" + currency + "'");
        }
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive: " + count);
        }
        if (totalMinor < count) {
            // Every transaction is at least one minor unit.
            throw new IllegalArgumentException("totalMinor " + totalMinor + " is below count " + count);
        }
    }
}
