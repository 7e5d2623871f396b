package io.banksuite.ml.domain;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The daily-spend stream's state for one client, day and currency: the spend, and the event ids of the
 * transactions it holds. The ids make a repeated event (the relay publishes at least once; an operator's replay
 * republishes to the whole stream) count once; they belong to the day, so they are bounded by a client's
 * transactions in a day, and go with it.
 *
 * @param eventIds in the order they were added; as many as {@code spend.count()}
 */
public record DailyTally(DailySpend spend, Set<String> eventIds) {

    public DailyTally {
        Objects.requireNonNull(spend, "spend");
        eventIds = Collections.unmodifiableSet(new LinkedHashSet<>(eventIds));
        if (eventIds.size() != spend.count()) {
            throw new IllegalArgumentException("A spend of count " + spend.count() + " holds " + eventIds.size()
                    + " event ids");
        }
    }

    public boolean holds(String eventId) {
        return eventIds.contains(eventId);
    }
}
