package io.banksuite.analytics.application.port.out;

import java.util.List;

import io.banksuite.analytics.domain.ArchivedEvent;
import io.banksuite.analytics.domain.CountryTotal;
import io.banksuite.analytics.domain.MinuteTotal;
import io.banksuite.analytics.domain.TimeRange;

/**
 * Where every event is kept, and what it answers. The same event kept twice (a redelivery, a replay, a rewound
 * group) counts once in every answer.
 */
public interface EventArchiveStore {

    /**
     * Keeps the events, all or none, and returns once the store has acknowledged them.
     *
     * @throws ArchiveUnavailableException when the store cannot take them now
     */
    void insert(List<ArchivedEvent> events);

    /** Transactions per minute (UTC), currency and merchant category in the range, ordered by those. */
    List<MinuteTotal> minuteTotals(TimeRange range);

    /** Transactions per merchant country and currency in the range, ordered by country and currency. */
    List<CountryTotal> countryTotals(TimeRange range);

    /** The store failed or could not be reached: nothing of the batch may be assumed kept. */
    class ArchiveUnavailableException extends RuntimeException {

        public ArchiveUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
