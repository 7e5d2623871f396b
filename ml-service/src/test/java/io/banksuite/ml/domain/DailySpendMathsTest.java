package io.banksuite.ml.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class DailySpendMathsTest {

    private static final Instant T0 = Instant.parse("2026-11-27T14:00:00Z");

    @Test
    void theFirstTransactionOfTheDayStartsTheTally() {
        DailyTally tally = DailySpendMaths.add(null, tx("EUR", 1050, T0), "e-1").orElseThrow();

        assertThat(tally.spend()).isEqualTo(new DailySpend("c-1", LocalDate.parse("2026-11-27"), "EUR", 1050, 1));
        assertThat(tally.eventIds()).containsExactly("e-1");
    }

    @Test
    void addsExactlyAndCountsFromOne() {
        DailyTally tally = null;
        long[] amounts = {100, 250, 1};
        for (int i = 0; i < amounts.length; i++) {
            tally = DailySpendMaths.add(tally, tx("EUR", amounts[i], T0.plusSeconds(i)), "e-" + i).orElseThrow();
            assertThat(tally.spend().count()).isEqualTo(i + 1);
        }

        assertThat(tally.spend().totalMinor()).isEqualTo(351);
        assertThat(tally.eventIds()).containsExactly("e-0", "e-1", "e-2");
    }

    @Test
    void aRepeatedEventChangesNothing() {
        DailyTally once = DailySpendMaths.add(null, tx("EUR", 100, T0), "e-1").orElseThrow();

        assertThat(DailySpendMaths.add(once, tx("EUR", 100, T0), "e-1")).isEmpty();
    }

    @Test
    void theDayIsTheUtcDateOfOccurrence() {
        assertThat(DailySpendMaths.dayOf(Instant.parse("2026-11-27T23:59:59.999999Z")))
                .isEqualTo(LocalDate.parse("2026-11-27"));
        assertThat(DailySpendMaths.dayOf(Instant.parse("2026-11-28T00:00:00Z")))
                .isEqualTo(LocalDate.parse("2026-11-28"));
    }

    @Test
    void theOldestKeptDayIsTheUtcDayARetentionAgo() {
        assertThat(DailySpendMaths.oldestKeptDay(Instant.parse("2026-12-01T10:00:00Z"), Duration.ofDays(35)))
                .isEqualTo(LocalDate.parse("2026-10-27"));
        assertThatThrownBy(() -> DailySpendMaths.oldestKeptDay(T0, Duration.ofHours(23)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void neverMixesDaysCurrenciesOrClients() {
        DailyTally eur = DailySpendMaths.add(null, tx("EUR", 100, T0), "e-1").orElseThrow();

        assertThatThrownBy(() -> DailySpendMaths.add(eur, tx("USD", 100, T0), "e-2"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DailySpendMaths.add(eur, tx("EUR", 100, T0.plusSeconds(86_400)), "e-2"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DailySpendMaths.add(eur, new TransactionObservation("c-2", "EUR", 1, T0), "e-2"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesToOverflowTheTotal() {
        DailyTally big = DailySpendMaths.add(null, tx("EUR", Long.MAX_VALUE, T0), "e-1").orElseThrow();

        assertThatThrownBy(() -> DailySpendMaths.add(big, tx("EUR", 1, T0), "e-2"))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void aTallyNeedsAnEventIdPerTransactionAndASpendAnIsoCurrency() {
        assertThatThrownBy(() -> DailySpendMaths.add(null, tx("EUR", 1, T0), " "))
                .isInstanceOf(IllegalArgumentException.class);
        DailySpend two = new DailySpend("c-1", LocalDate.parse("2026-11-27"), "EUR", 2, 2);
        assertThatThrownBy(() -> new DailyTally(two, java.util.Set.of("e-1")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DailySpend("c-1", LocalDate.parse("2026-11-27"), "eur", 2, 2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static TransactionObservation tx(String currency, long amountMinor, Instant at) {
        return new TransactionObservation("c-1", currency, amountMinor, at);
    }
}
