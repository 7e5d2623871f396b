package io.banksuite.fraud.domain;

import static io.banksuite.fraud.domain.Transactions.amount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AmountOverThresholdRuleTest {

    private final AmountOverThresholdRule rule = new AmountOverThresholdRule(new BigDecimal("10000"),
            Map.of("JPY", new BigDecimal("1500000"), "BHD", new BigDecimal("3000.125")));

    @Test
    void amountExactlyAtTheThresholdIsNotFlagged() {
        assertThat(rule.evaluate(amount(1_000_000, "EUR"), ClientHistory.NONE)).isEmpty();
    }

    @Test
    void oneMinorUnitAboveTheThresholdIsFlagged() {
        assertThat(rule.evaluate(amount(1_000_001, "EUR"), ClientHistory.NONE))
                .contains(FraudReason.AMOUNT_OVER_THRESHOLD);
    }

    @Test
    void defaultThresholdUsesEachCurrencysFractionDigits() {
        assertThat(rule.thresholdMinor("EUR")).isEqualTo(1_000_000L);
        assertThat(rule.thresholdMinor("USD")).isEqualTo(1_000_000L);
        assertThat(rule.thresholdMinor("KRW")).isEqualTo(10_000L);     // 0 fraction digits
        assertThat(rule.thresholdMinor("KWD")).isEqualTo(10_000_000L); // 3 fraction digits
    }

    @Test
    void yenHasNoMinorUnitSoTheAmountIsInYen() {
        assertThat(rule.thresholdMinor("JPY")).isEqualTo(1_500_000L);
        assertThat(rule.evaluate(amount(1_500_000, "JPY"), ClientHistory.NONE)).isEmpty();
        assertThat(rule.evaluate(amount(1_500_001, "JPY"), ClientHistory.NONE))
                .contains(FraudReason.AMOUNT_OVER_THRESHOLD);
    }

    @Test
    void bahrainiDinarHasThreeFractionDigits() {
        assertThat(rule.thresholdMinor("BHD")).isEqualTo(3_000_125L);
        assertThat(rule.evaluate(amount(3_000_125, "BHD"), ClientHistory.NONE)).isEmpty();
        assertThat(rule.evaluate(amount(3_000_126, "BHD"), ClientHistory.NONE))
                .contains(FraudReason.AMOUNT_OVER_THRESHOLD);
    }

    @Test
    void aDefaultWithMoreDecimalsThanTheCurrencyIsComparedExactly() {
        AmountOverThresholdRule fractional = new AmountOverThresholdRule(new BigDecimal("100.5"), Map.of());
        // 100.5 JPY lies between 100 and 101 yen: 100 is below it, 101 above.
        assertThat(fractional.evaluate(amount(100, "JPY"), ClientHistory.NONE)).isEmpty();
        assertThat(fractional.evaluate(amount(101, "JPY"), ClientHistory.NONE))
                .contains(FraudReason.AMOUNT_OVER_THRESHOLD);
        assertThat(fractional.evaluate(amount(10_050, "EUR"), ClientHistory.NONE)).isEmpty();
        assertThat(fractional.evaluate(amount(10_051, "EUR"), ClientHistory.NONE))
                .contains(FraudReason.AMOUNT_OVER_THRESHOLD);
    }

    @Test
    void anOverrideThatIsNotAWholeNumberOfMinorUnitsIsRejected() {
        assertThatThrownBy(() -> new AmountOverThresholdRule(BigDecimal.TEN, Map.of("JPY", new BigDecimal("10.5"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("JPY");
        assertThatThrownBy(() -> new AmountOverThresholdRule(BigDecimal.TEN, Map.of("EUR", new BigDecimal("0.001"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void negativeThresholdsAreRejected() {
        assertThatThrownBy(() -> new AmountOverThresholdRule(new BigDecimal("-1"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unknownAndPseudoCurrenciesAreRejected() {
        assertThatThrownBy(() -> rule.evaluate(amount(1, "ZZZ"), ClientHistory.NONE))
                .isInstanceOf(UnsupportedCurrencyException.class);
        assertThatThrownBy(() -> rule.evaluate(amount(1, "XAU"), ClientHistory.NONE))
                .isInstanceOf(UnsupportedCurrencyException.class);
        assertThatThrownBy(() -> new AmountOverThresholdRule(BigDecimal.TEN, Map.of("eur", BigDecimal.ONE)))
                .isInstanceOf(UnsupportedCurrencyException.class);
    }
}
