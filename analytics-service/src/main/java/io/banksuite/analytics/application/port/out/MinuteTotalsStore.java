package io.banksuite.analytics.application.port.out;

import java.time.Instant;
import java.util.List;

import io.banksuite.analytics.domain.MinuteBucket;
import io.banksuite.analytics.domain.MinuteTotal;

/** Where the totals are kept: one entry per minute, currency and merchant category. */
public interface MinuteTotalsStore {

    /** Adds one transaction to its bucket, creating the bucket if needed, atomically. */
    void add(MinuteBucket bucket, long amountMinor);

    /** The buckets whose minute is in {@code [from, to)}, by minute, currency and category. */
    List<MinuteTotal> findBetween(Instant from, Instant to);
}
