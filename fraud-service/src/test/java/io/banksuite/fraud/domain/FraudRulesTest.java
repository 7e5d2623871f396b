package io.banksuite.fraud.domain;

import static io.banksuite.fraud.domain.Transactions.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FraudRulesTest {

    private static final Instant DECIDED_AT = Instant.parse("2026-11-27T15:00:00Z");

    private final FraudRules rules = new FraudRules(List.of(
            new AmountOverThresholdRule(new BigDecimal("10000"), Map.of()),
            new VelocityRule(2, Duration.ofMinutes(1))));

    private final ClientHistory twoEarlier = ClientHistory.of(T0.minusSeconds(2), T0.minusSeconds(1));

    @Test
    void cleanTransactionIsNotFlagged() {
        TransactionFacts tx = transaction(500);
        FraudDecision decision = rules.decide(tx, ClientHistory.NONE, DECIDED_AT);
        assertThat(decision).isEqualTo(new FraudDecision(tx.transactionId(), tx.eventId(), "c-1", false, List.of(),
                DECIDED_AT));
    }

    @Test
    void oneRuleFiringFlagsWithItsReason() {
        assertThat(rules.decide(transaction(1_000_001), ClientHistory.NONE, DECIDED_AT).reasons())
                .containsExactly(FraudReason.AMOUNT_OVER_THRESHOLD);
        FraudDecision velocity = rules.decide(transaction(1), twoEarlier, DECIDED_AT);
        assertThat(velocity.flagged()).isTrue();
        assertThat(velocity.reasons()).containsExactly(FraudReason.VELOCITY_LIMIT_EXCEEDED);
    }

    @Test
    void allReasonsAreReportedWhenSeveralRulesFire() {
        FraudDecision decision = rules.decide(transaction(2_000_000), twoEarlier, DECIDED_AT);
        assertThat(decision.flagged()).isTrue();
        assertThat(decision.reasons())
                .containsExactly(FraudReason.AMOUNT_OVER_THRESHOLD, FraudReason.VELOCITY_LIMIT_EXCEEDED);
    }

    @Test
    void lookbackIsTheLongestOfTheRules() {
        FraudRules two = new FraudRules(List.of(new VelocityRule(1, Duration.ofMinutes(5)),
                new VelocityRule(1, Duration.ofMinutes(1)), new AmountOverThresholdRule(BigDecimal.ONE, Map.of())));
        assertThat(two.lookback()).isEqualTo(Duration.ofMinutes(5));
        assertThat(new FraudRules(List.of()).lookback()).isEqualTo(Duration.ZERO);
    }

    @Test
    void noRulesMeansNothingIsFlagged() {
        assertThat(new FraudRules(List.of()).decide(transaction(Long.MAX_VALUE), twoEarlier, DECIDED_AT).flagged())
                .isFalse();
    }

    @Test
    void aDecisionIsFlaggedExactlyWhenItHasReasons() {
        assertThatThrownBy(() -> new FraudDecision(UUID.randomUUID(), UUID.randomUUID(), "c", true, List.of(),
                DECIDED_AT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FraudDecision(UUID.randomUUID(), UUID.randomUUID(), "c", false,
                List.of(FraudReason.AMOUNT_OVER_THRESHOLD), DECIDED_AT)).isInstanceOf(IllegalArgumentException.class);
    }

    private static TransactionFacts transaction(long amountMinor) {
        return new TransactionFacts(UUID.randomUUID(), UUID.randomUUID(), "c-1", amountMinor, "EUR", T0);
    }
}
