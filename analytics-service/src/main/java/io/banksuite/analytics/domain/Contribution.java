package io.banksuite.analytics.domain;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/** What one transaction adds to the totals: one to the count and its amount to the sum of its bucket. */
public record Contribution(MinuteBucket bucket, long amountMinor) {

    public Contribution {
        Objects.requireNonNull(bucket, "bucket");
        if (amountMinor <= 0) {
            throw new IllegalArgumentException("amountMinor must be positive, not " + amountMinor);
        }
    }

    /**
     * @throws IllegalArgumentException if the currency is not an ISO 4217 code or the amount is not positive
     */
    public static Contribution of(Instant occurredAt, String currency, @Nullable String merchantCategory,
                                  long amountMinor) {
        return new Contribution(MinuteBucket.of(occurredAt, currency, merchantCategory), amountMinor);
    }
}
