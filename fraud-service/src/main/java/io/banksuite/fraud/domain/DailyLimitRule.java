package io.banksuite.fraud.domain;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Flags a transaction that takes the client's total of its UTC day, in its currency, strictly above the daily
 * limit in force when it occurred. The total counts the client's transactions of that day that occurred up to
 * this one (event time), this one included, flagged or not: a transaction that occurred later in the day but
 * arrived earlier does not count against an earlier one, so replays decide the same.
 */
public final class DailyLimitRule implements FraudRule {

    @Override
    public Optional<FraudReason> evaluate(TransactionFacts transaction, ClientHistory history) {
        if (history.limit().isEmpty() || !history.limit().get().currency().equals(transaction.currency())) {
            return Optional.empty();
        }
        LocalDate day = dayOf(transaction);
        long earlierToday = history.earlier().stream()
                .filter(earlier -> earlier.currency().equals(transaction.currency()))
                .filter(earlier -> !earlier.occurredAt().isAfter(transaction.occurredAt()))
                .filter(earlier -> earlier.occurredAt().atZone(ZoneOffset.UTC).toLocalDate().equals(day))
                .mapToLong(ClientHistory.EarlierTransaction::amountMinor)
                .sum();
        return Math.addExact(earlierToday, transaction.amountMinor()) > history.limit().get().dailyMinor()
                ? Optional.of(FraudReason.DAILY_LIMIT_EXCEEDED)
                : Optional.empty();
    }

    /** Everything since the start of the transaction's UTC day: at most one day. */
    @Override
    public Duration lookback() {
        return Duration.ofDays(1);
    }

    private static LocalDate dayOf(TransactionFacts transaction) {
        return transaction.occurredAt().atZone(ZoneOffset.UTC).toLocalDate();
    }
}
