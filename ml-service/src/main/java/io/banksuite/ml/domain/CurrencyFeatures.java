package io.banksuite.ml.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A client's features in one currency. Amounts of different currencies are never added together.
 *
 * @param count        transactions seen
 * @param sumMinor     their total, exact, in minor units
 * @param averageMinor {@code sumMinor / count} in minor units, rounded as {@link FeatureMaths#average} says
 * @param lastSeenAt   the latest {@code occurredAt} seen
 */
public record CurrencyFeatures(String clientId, String currency, long count, long sumMinor, BigDecimal averageMinor,
                               Instant lastSeenAt) {

    public CurrencyFeatures {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(averageMinor, "averageMinor");
        Objects.requireNonNull(lastSeenAt, "lastSeenAt");
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive: " + count);
        }
    }
}
