package io.banksuite.outbox;

import java.time.Duration;

/** Exponential backoff between attempts at failing outbox rows: initial, 2x, 4x, ... capped at max. */
public record Backoff(Duration initial, Duration max) {

    public Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("Need 0 < initial <= max, got " + initial + " and " + max);
        }
    }

    /** The pause after the given number of consecutive failures (at least 1). */
    public Duration after(int consecutiveFailures) {
        if (consecutiveFailures < 1) {
            return Duration.ZERO;
        }
        int doublings = Math.min(consecutiveFailures - 1, 30);
        long millis = initial.toMillis() << doublings;
        return millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
    }
}
