package io.banksuite.analytics.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The bucket a transaction counts in: its minute (occurredAt truncated to the minute, UTC), its currency (amounts
 * of different currencies are never added) and its merchant category ({@value #UNKNOWN_CATEGORY} when absent).
 */
public record MinuteBucket(Instant minute, String currency, String merchantCategory) {

    public static final String UNKNOWN_CATEGORY = "UNKNOWN";

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    public MinuteBucket {
        Objects.requireNonNull(minute, "minute");
        if (!minute.truncatedTo(ChronoUnit.MINUTES).equals(minute)) {
            throw new IllegalArgumentException("Not the start of a minute: " + minute);
        }
        if (currency == null || !CURRENCY.matcher(currency).matches()) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code, not '" + currency + "'");
        }
        if (merchantCategory == null || merchantCategory.isBlank()) {
            throw new IllegalArgumentException("merchantCategory is required (use " + UNKNOWN_CATEGORY + ")");
        }
    }

    /** The bucket of a transaction that occurred at {@code occurredAt}. */
    public static MinuteBucket of(Instant occurredAt, String currency, @Nullable String merchantCategory) {
        Objects.requireNonNull(occurredAt, "occurredAt");
        // Instants are UTC: truncating one to the minute is the UTC minute, whatever the server's zone.
        return new MinuteBucket(occurredAt.truncatedTo(ChronoUnit.MINUTES), currency,
                merchantCategory == null || merchantCategory.isBlank() ? UNKNOWN_CATEGORY : merchantCategory.trim());
    }
}
