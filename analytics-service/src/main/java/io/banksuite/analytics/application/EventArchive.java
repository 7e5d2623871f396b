package io.banksuite.analytics.application;

import java.util.List;

import io.banksuite.analytics.application.port.out.EventArchiveStore;
import io.banksuite.analytics.domain.ArchivedEvent;
import io.banksuite.analytics.domain.CountryTotal;
import io.banksuite.analytics.domain.MinuteTotal;
import io.banksuite.analytics.domain.TimeRange;
import org.springframework.stereotype.Service;

/**
 * Every event of the client stream, kept in a column store, and the totals asked of it. Idempotent by the store:
 * an event kept again counts once.
 */
@Service
public class EventArchive {

    private final EventArchiveStore store;

    public EventArchive(EventArchiveStore store) {
        this.store = store;
    }

    /** Keeps a batch; returns once the store acknowledged all of it. */
    public void archive(List<ArchivedEvent> events) {
        if (!events.isEmpty()) {
            store.insert(events);
        }
    }

    public List<MinuteTotal> minuteTotals(TimeRange range) {
        return store.minuteTotals(range);
    }

    public List<CountryTotal> countryTotals(TimeRange range) {
        return store.countryTotals(range);
    }
}
