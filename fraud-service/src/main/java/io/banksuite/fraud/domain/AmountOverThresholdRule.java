package io.banksuite.fraud.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Flags a transaction whose amount is strictly above the threshold for its currency. Thresholds are configured in
 * major units (10000 EUR) and converted to minor units with the currency's ISO 4217 fraction digits, so the
 * comparison is exact integer arithmetic: no floating point, no rounding.
 */
public final class AmountOverThresholdRule implements FraudRule {

    private final BigDecimal defaultThreshold;
    private final Map<String, Long> overridesMinor = new HashMap<>();

    /**
     * @param defaultThreshold threshold in major units for every currency without an override
     * @param perCurrency      overrides in major units, keyed by ISO 4217 code
     * @throws IllegalArgumentException if a threshold is negative, a code is not an ISO 4217 currency with
     *                                  fraction digits, or a threshold has more decimals than its currency
     */
    public AmountOverThresholdRule(BigDecimal defaultThreshold, Map<String, BigDecimal> perCurrency) {
        this.defaultThreshold = requireNonNegative(Objects.requireNonNull(defaultThreshold, "defaultThreshold"), "default");
        perCurrency.forEach((code, threshold) ->
                overridesMinor.put(code, toMinor(requireNonNegative(threshold, code), currency(code))));
    }

    @Override
    public Optional<FraudReason> evaluate(TransactionFacts transaction, ClientHistory history) {
        return transaction.amountMinor() > thresholdMinor(transaction.currency())
                ? Optional.of(FraudReason.AMOUNT_OVER_THRESHOLD)
                : Optional.empty();
    }

    /** The threshold for a currency in its minor units. */
    public long thresholdMinor(String currencyCode) {
        Long override = overridesMinor.get(currencyCode);
        if (override != null) {
            return override;
        }
        Currency currency = currency(currencyCode);
        // The default is in major units of every currency; with fewer fraction digits than it has decimals
        // (10000.5 for JPY) the exact threshold lies between two minor units, and amounts are whole minor units.
        return defaultThreshold.movePointRight(currency.getDefaultFractionDigits())
                .setScale(0, RoundingMode.FLOOR).longValueExact();
    }

    private static long toMinor(BigDecimal majorUnits, Currency currency) {
        BigDecimal minor = majorUnits.movePointRight(currency.getDefaultFractionDigits());
        try {
            return minor.setScale(0, RoundingMode.UNNECESSARY).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("Threshold " + majorUnits.toPlainString() + " " + currency
                    + " is not a whole number of minor units or is too large", e);
        }
    }

    private static Currency currency(String code) {
        Currency currency;
        try {
            currency = Currency.getInstance(code);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new UnsupportedCurrencyException(code);
        }
        // Pseudo-currencies (XAU, XDR, ...) have no minor unit, so an amount in minor units means nothing.
        if (currency.getDefaultFractionDigits() < 0) {
            throw new UnsupportedCurrencyException(code);
        }
        return currency;
    }

    private static BigDecimal requireNonNegative(BigDecimal threshold, String what) {
        if (threshold == null || threshold.signum() < 0) {
            throw new IllegalArgumentException("Amount threshold for " + what + " must be zero or more: " + threshold);
        }
        return threshold;
    }
}
