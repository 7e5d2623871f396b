package io.banksuite.fraud.domain;

import static io.banksuite.fraud.domain.Transactions.T0;
import static io.banksuite.fraud.domain.Transactions.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VelocityRuleTest {

    private static final Duration WINDOW = Duration.ofMinutes(1);
    private final VelocityRule rule = new VelocityRule(5, WINDOW);

    @Test
    void theFifthTransactionInTheWindowIsAllowed() {
        ClientHistory fourEarlier = ClientHistory.of(T0.minusSeconds(40), T0.minusSeconds(30), T0.minusSeconds(20),
                T0.minusSeconds(10));
        assertThat(rule.evaluate(at(T0), fourEarlier)).isEmpty();
    }

    @Test
    void theSixthTransactionInTheWindowIsFlagged() {
        ClientHistory fiveEarlier = ClientHistory.of(T0.minusSeconds(50), T0.minusSeconds(40), T0.minusSeconds(30),
                T0.minusSeconds(20), T0.minusSeconds(10));
        assertThat(rule.evaluate(at(T0), fiveEarlier)).contains(FraudReason.VELOCITY_LIMIT_EXCEEDED);
    }

    @Test
    void aTransactionExactlyOneWindowEarlierIsOutsideTheWindow() {
        ClientHistory activity = ClientHistory.of(T0.minus(WINDOW), T0.minusSeconds(40), T0.minusSeconds(30),
                T0.minusSeconds(20), T0.minusSeconds(10));
        assertThat(rule.evaluate(at(T0), activity)).isEmpty();
    }

    @Test
    void aTransactionJustInsideTheWindowCounts() {
        ClientHistory activity = ClientHistory.of(T0.minus(WINDOW).plusNanos(1000), T0.minusSeconds(40),
                T0.minusSeconds(30), T0.minusSeconds(20), T0.minusSeconds(10));
        assertThat(rule.evaluate(at(T0), activity)).contains(FraudReason.VELOCITY_LIMIT_EXCEEDED);
    }

    @Test
    void transactionsAtTheSameInstantCount() {
        ClientHistory sameInstant = ClientHistory.of(T0, T0, T0, T0, T0);
        assertThat(rule.evaluate(at(T0), sameInstant)).contains(FraudReason.VELOCITY_LIMIT_EXCEEDED);
    }

    @Test
    void laterTransactionsDoNotCountTowardsAnEarlierOne() {
        ClientHistory later = ClientHistory.of(T0.plusSeconds(1), T0.plusSeconds(2), T0.plusSeconds(3),
                T0.plusSeconds(4), T0.plusSeconds(5));
        assertThat(rule.evaluate(at(T0), later)).isEmpty();
    }

    @Test
    void theWindowSlidesWithEventTimeNotWallClock() {
        // A burst long in the past (event time) is judged the same as one now.
        Instant past = Instant.parse("2001-01-01T00:00:00Z");
        List<Instant> burst = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            burst.add(past.minusSeconds(i));
        }
        assertThat(rule.evaluate(at(past), ClientHistory.of(burst.stream().map(at -> new ClientHistory.EarlierTransaction(at, 0, "XXX")).toList()))).contains(FraudReason.VELOCITY_LIMIT_EXCEEDED);
        assertThat(rule.evaluate(at(past.plus(WINDOW)), ClientHistory.of(burst.stream().map(at -> new ClientHistory.EarlierTransaction(at, 0, "XXX")).toList()))).isEmpty();
    }

    @Test
    void aLimitOfOneFlagsTheSecondTransaction() {
        VelocityRule strict = new VelocityRule(1, WINDOW);
        assertThat(strict.evaluate(at(T0), ClientHistory.NONE)).isEmpty();
        assertThat(strict.evaluate(at(T0), ClientHistory.of(T0.minusSeconds(59)))).contains(FraudReason.VELOCITY_LIMIT_EXCEEDED);
    }

    @Test
    void lookbackIsTheWindow() {
        assertThat(rule.lookback()).isEqualTo(WINDOW);
    }

    @Test
    void invalidSettingsAreRejected() {
        assertThatThrownBy(() -> new VelocityRule(0, WINDOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VelocityRule(5, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VelocityRule(5, Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
