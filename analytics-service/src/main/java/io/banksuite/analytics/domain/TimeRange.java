package io.banksuite.analytics.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** {@code [from, to)}: a query's time range, never empty and never longer than the query allows. */
public record TimeRange(Instant from, Instant to) {

    public TimeRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new InvalidRangeException("'from' must be before 'to' (from=" + from + ", to=" + to + ")");
        }
    }

    /** @throws InvalidRangeException when the range is empty or spans more than {@code maxLength} */
    public static TimeRange of(Instant from, Instant to, Duration maxLength) {
        TimeRange range = new TimeRange(from, to);
        if (from.plus(maxLength).isBefore(to)) {
            throw new InvalidRangeException("The range may span at most " + maxLength + " (from=" + from + ", to="
                    + to + ")");
        }
        return range;
    }

    /** A range a client asked for that cannot be answered. */
    public static class InvalidRangeException extends IllegalArgumentException {

        public InvalidRangeException(String message) {
            super(message);
        }
    }
}
