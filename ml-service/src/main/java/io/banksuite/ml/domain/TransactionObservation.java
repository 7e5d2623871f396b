package io.banksuite.ml.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the features learn from one transaction.
 *
 * @param amountMinor exact amount in the currency's minor units, positive
 * @param currency    ISO 4217 alphabetic code
 */
public record TransactionObservation(String clientId, String currency, long amountMinor, Instant occurredAt) {

    /** An ISO 4217 alphabetic code. */
    static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    public TransactionObservation {
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("clientId is required");
        }
        if (currency == null || !CURRENCY.matcher(currency).matches()) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code, not '" + currency + "'");
        }
        if (amountMinor <= 0) {
            throw new IllegalArgumentException("amountMinor must be positive, not " + amountMinor);
        }
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
