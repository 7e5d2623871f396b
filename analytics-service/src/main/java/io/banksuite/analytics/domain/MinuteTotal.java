package io.banksuite.analytics.domain;

import java.time.Instant;

/**
 * The totals of one bucket.
 *
 * @param count       transactions in the bucket
 * @param amountMinor their exact sum in the currency's minor units
 */
public record MinuteTotal(Instant minute, String currency, String merchantCategory, long count, long amountMinor) {
}
