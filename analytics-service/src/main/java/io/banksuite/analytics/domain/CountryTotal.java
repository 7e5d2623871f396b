package io.banksuite.analytics.domain;

/**
 * The totals of one merchant country and currency over a time range.
 *
 * @param merchantCountry ISO 3166-1 alpha-2 code, or {@value #UNKNOWN} for transactions without a merchant country
 * @param count           transactions
 * @param amountMinor     their exact sum in the currency's minor units
 */
public record CountryTotal(String merchantCountry, String currency, long count, long amountMinor) {

    public static final String UNKNOWN = "UNKNOWN";
}
