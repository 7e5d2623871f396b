package io.banksuite.analytics.domain;

import java.time.Instant;

/**
 * The totals of one minute (UTC), currency and merchant category.
 *
 * @param merchantCategory ISO 18245 code, or {@value #UNKNOWN_CATEGORY} for transactions without one
 * @param count       transactions in the bucket
 * @param amountMinor their exact sum in the currency's minor units
 */
public record MinuteTotal(Instant minute, String currency, String merchantCategory, long count, long amountMinor) {

    public static final String UNKNOWN_CATEGORY = "UNKNOWN";
}
