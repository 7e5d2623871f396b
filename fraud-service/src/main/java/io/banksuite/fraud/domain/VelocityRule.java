package io.banksuite.fraud.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Flags the transaction when the client made more than {@code maxTransactions} transactions, this one included,
 * in the window of length {@code window} that ends at this transaction: earlier ones that occurred in
 * {@code (occurredAt - window, occurredAt]}. Time is the events' occurredAt, never the wall clock, so replaying the
 * same events gives the same decisions; Kafka keeps one client's events in order (key = clientId), so the history a
 * decision sees does not depend on timing either.
 */
public final class VelocityRule implements FraudRule {

    private final int maxTransactions;
    private final Duration window;

    public VelocityRule(int maxTransactions, Duration window) {
        if (maxTransactions < 1) {
            throw new IllegalArgumentException("maxTransactions must be at least 1: " + maxTransactions);
        }
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive: " + window);
        }
        this.maxTransactions = maxTransactions;
        this.window = window;
    }

    @Override
    public Optional<FraudReason> evaluate(TransactionFacts transaction, ClientHistory history) {
        Instant end = transaction.occurredAt();
        Instant start = end.minus(window);
        long earlierInWindow = history.earlier().stream().map(ClientHistory.EarlierTransaction::occurredAt)
                .filter(at -> at.isAfter(start) && !at.isAfter(end))
                .count();
        return earlierInWindow + 1 > maxTransactions
                ? Optional.of(FraudReason.VELOCITY_LIMIT_EXCEEDED)
                : Optional.empty();
    }

    @Override
    public Duration lookback() {
        return window;
    }
}
