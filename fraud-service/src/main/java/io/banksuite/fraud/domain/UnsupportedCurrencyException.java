package io.banksuite.fraud.domain;

/** The currency is not an ISO 4217 currency with a minor unit, so its amount cannot be judged exactly. */
public final class UnsupportedCurrencyException extends IllegalArgumentException {

    private final String currency;

    public UnsupportedCurrencyException(String currency) {
        super("Not an ISO 4217 currency with a minor unit: " + currency);
        this.currency = currency;
    }

    public String currency() {
        return currency;
    }
}
