package io.banksuite.ml.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/** How one transaction changes its client's spend on the transaction's day. Pure; no I/O. */
public final class DailySpendMaths {

    private DailySpendMaths() {
    }

    /**
     * The day a transaction counts towards: the UTC date of when it occurred, not of when it arrived, so a
     * transaction that reaches the stream after midnight still counts for the day it was made, and a replay yields
     * the same days.
     */
    public static LocalDate dayOf(Instant occurredAt) {
        return LocalDate.ofInstant(occurredAt, ZoneOffset.UTC);
    }

    /**
     * The oldest day whose tally is kept at {@code now}: the days before it are forgotten, and a transaction of one
     * of them can no longer be counted exactly (its tally would start again from nothing).
     *
     * @param retention how far back tallies are kept, at least a day
     */
    public static LocalDate oldestKeptDay(Instant now, Duration retention) {
        if (retention.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalArgumentException("The retention must be at least a day, not " + retention);
        }
        return dayOf(now.minus(retention));
    }

    /**
     * The tally after {@code transaction}, or empty if it holds that event already (a repeat changes nothing).
     *
     * @param current the tally of the transaction's client, day and currency so far, or null if it is the first
     * @param eventId the id of the transaction's event
     * @throws IllegalArgumentException if {@code current} is of another client, day or currency
     * @throws ArithmeticException      if the total would overflow a long
     */
    public static Optional<DailyTally> add(@Nullable DailyTally current, TransactionObservation transaction,
                                           String eventId) {
        if (eventId == null || eventId.isBlank()) {
            throw new IllegalArgumentException("eventId is required");
        }
        LocalDate day = dayOf(transaction.occurredAt());
        if (current == null) {
            return Optional.of(new DailyTally(new DailySpend(transaction.clientId(), day, transaction.currency(),
                    transaction.amountMinor(), 1), Set.of(eventId)));
        }
        DailySpend spend = current.spend();
        if (!spend.clientId().equals(transaction.clientId()) || !spend.day().equals(day)
                || !spend.currency().equals(transaction.currency())) {
            throw new IllegalArgumentException("The spend of " + spend.clientId() + "/" + spend.day() + "/"
                    + spend.currency() + " cannot take a transaction of " + transaction.clientId() + "/" + day + "/"
                    + transaction.currency());
        }
        if (current.holds(eventId)) {
            return Optional.empty();
        }
        Set<String> eventIds = new LinkedHashSet<>(current.eventIds());
        eventIds.add(eventId);
        return Optional.of(new DailyTally(new DailySpend(spend.clientId(), day, spend.currency(),
                Math.addExact(spend.totalMinor(), transaction.amountMinor()), Math.addExact(spend.count(), 1)),
                eventIds));
    }
}
