package io.banksuite.notification.domain;

import java.util.List;
import java.util.Objects;

/**
 * Tiered retry policy. The retry count a message carries says how many times it has already been parked in a
 * retry tier; attempt number = retry count + 1. A transient failure moves the job to the next tier; once every
 * tier has been used it goes to the dead-letter queue. Permanent failures and poison messages go to the
 * dead-letter queue at once.
 *
 * <p>With the default three tiers (30s, 1m, 5m) a job is attempted at most four times.
 */
public final class RetryPolicy {

    private final List<String> tierNames;

    public RetryPolicy(List<String> tierNames) {
        this.tierNames = List.copyOf(Objects.requireNonNull(tierNames, "tierNames"));
    }

    public int maxAttempts() {
        return tierNames.size() + 1;
    }

    public RetryDecision decide(FailureClass failure, int retriesSoFar) {
        Objects.requireNonNull(failure, "failure");
        if (retriesSoFar < 0) {
            throw new IllegalArgumentException("retriesSoFar must be >= 0, was " + retriesSoFar);
        }
        int attempts = retriesSoFar + 1;
        return switch (failure) {
            case TRANSIENT -> retriesSoFar < tierNames.size()
                    ? new RetryDecision.RetryLater(retriesSoFar, tierNames.get(retriesSoFar), retriesSoFar + 1)
                    : new RetryDecision.DeadLetter("transient failure, retries exhausted after " + attempts
                            + " attempt(s)");
            case PERMANENT -> new RetryDecision.DeadLetter("permanent failure after " + attempts + " attempt(s)");
            case POISON -> new RetryDecision.DeadLetter("unreadable message");
        };
    }
}
