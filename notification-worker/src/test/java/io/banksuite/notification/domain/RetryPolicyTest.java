package io.banksuite.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(List.of("30s", "1m", "5m"));

    @ParameterizedTest(name = "transient failure after {0} retries -> tier {1} ({2}), count {3}")
    @CsvSource({"0, 0, 30s, 1", "1, 1, 1m, 2", "2, 2, 5m, 3"})
    void transientFailuresWalkTheTiersInOrder(int retriesSoFar, int tierIndex, String tierName, int nextCount) {
        assertThat(policy.decide(FailureClass.TRANSIENT, retriesSoFar))
                .isEqualTo(new RetryDecision.RetryLater(tierIndex, tierName, nextCount));
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 4, 100})
    void transientFailureAfterTheLastTierIsDeadLettered(int retriesSoFar) {
        RetryDecision decision = policy.decide(FailureClass.TRANSIENT, retriesSoFar);

        assertThat(decision).isInstanceOf(RetryDecision.DeadLetter.class);
        assertThat(((RetryDecision.DeadLetter) decision).reason())
                .contains("retries exhausted after " + (retriesSoFar + 1) + " attempt(s)");
    }

    @Test
    void threeTiersAllowFourAttempts() {
        assertThat(policy.maxAttempts()).isEqualTo(4);
        int attempts = 0;
        int retries = 0;
        RetryDecision decision;
        do {
            attempts++;
            decision = policy.decide(FailureClass.TRANSIENT, retries);
            if (decision instanceof RetryDecision.RetryLater retry) {
                retries = retry.nextRetryCount();
            }
        } while (decision instanceof RetryDecision.RetryLater);
        assertThat(attempts).isEqualTo(4);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3})
    void permanentFailuresAreDeadLetteredAtOnce(int retriesSoFar) {
        assertThat(policy.decide(FailureClass.PERMANENT, retriesSoFar))
                .isInstanceOf(RetryDecision.DeadLetter.class);
    }

    @Test
    void poisonMessagesAreDeadLetteredAtOnce() {
        assertThat(policy.decide(FailureClass.POISON, 0))
                .isEqualTo(new RetryDecision.DeadLetter("unreadable message"));
    }

    @Test
    void withoutTiersEveryFailureIsDeadLettered() {
        var noRetries = new RetryPolicy(List.of());

        assertThat(noRetries.decide(FailureClass.TRANSIENT, 0)).isInstanceOf(RetryDecision.DeadLetter.class);
        assertThat(noRetries.maxAttempts()).isEqualTo(1);
    }

    @Test
    void rejectsANegativeRetryCount() {
        assertThatIllegalArgumentException().isThrownBy(() -> policy.decide(FailureClass.TRANSIENT, -1));
    }
}
