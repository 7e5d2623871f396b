package io.banksuite.ml.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class FeatureMathsTest {

    private static final Instant T0 = Instant.parse("2026-11-27T14:00:00Z");

    @Test
    void theFirstTransactionStartsTheFeatures() {
        CurrencyFeatures features = FeatureMaths.observe(null, tx("EUR", 1050, T0));

        assertThat(features).isEqualTo(new CurrencyFeatures("c-1", "EUR", 1, 1050, new BigDecimal("1050.00"), T0));
    }

    @Test
    void accumulatesCountSumAndAverage() {
        CurrencyFeatures features = null;
        for (long amount : new long[]{100, 250, 1}) {
            features = FeatureMaths.observe(features, tx("EUR", amount, T0));
        }

        assertThat(features.count()).isEqualTo(3);
        assertThat(features.sumMinor()).isEqualTo(351);
        assertThat(features.averageMinor()).isEqualByComparingTo("117.00").hasScaleOf(2);
    }

    @Test
    void roundsTheAverageHalfEvenToTwoPlaces() {
        assertThat(FeatureMaths.average(10, 3)).isEqualTo(new BigDecimal("3.33"));
        assertThat(FeatureMaths.average(20, 3)).isEqualTo(new BigDecimal("6.67"));
        // Exactly half way: to the even neighbour.
        assertThat(FeatureMaths.average(1, 8)).isEqualTo(new BigDecimal("0.12"));   // 0.125
        assertThat(FeatureMaths.average(3, 8)).isEqualTo(new BigDecimal("0.38"));   // 0.375
        assertThat(FeatureMaths.average(Long.MAX_VALUE, 1)).isEqualTo(new BigDecimal(Long.MAX_VALUE + ".00"));
    }

    @Test
    void lastSeenIsTheLatestOccurrenceEvenOutOfOrder() {
        Instant later = T0.plusSeconds(60);
        CurrencyFeatures features = FeatureMaths.observe(FeatureMaths.observe(null, tx("EUR", 1, later)),
                tx("EUR", 1, T0));

        assertThat(features.lastSeenAt()).isEqualTo(later);
        assertThat(FeatureMaths.observe(features, tx("EUR", 1, later.plusMillis(1))).lastSeenAt())
                .isEqualTo(later.plusMillis(1));
    }

    @Test
    void neverMixesCurrencies() {
        CurrencyFeatures eur = FeatureMaths.observe(null, tx("EUR", 100, T0));

        assertThatThrownBy(() -> FeatureMaths.observe(eur, tx("USD", 100, T0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FeatureMaths.observe(eur, new TransactionObservation("c-2", "EUR", 1, T0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesToOverflowTheSum() {
        CurrencyFeatures big = FeatureMaths.observe(null, tx("EUR", Long.MAX_VALUE, T0));

        assertThatThrownBy(() -> FeatureMaths.observe(big, tx("EUR", 1, T0))).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void anObservationNeedsAPositiveAmountAndACurrencyCode() {
        assertThatThrownBy(() -> tx("EUR", 0, T0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tx("EUR", -5, T0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tx("eur", 5, T0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tx("EURO", 5, T0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TransactionObservation(" ", "EUR", 5, T0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static TransactionObservation tx(String currency, long amountMinor, Instant at) {
        return new TransactionObservation("c-1", currency, amountMinor, at);
    }
}
