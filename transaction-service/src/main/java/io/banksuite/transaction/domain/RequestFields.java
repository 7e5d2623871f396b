package io.banksuite.transaction.domain;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The field rules that the API's validators share: each checks one field, adds a {@link FieldError} named as the
 * client sent it when the value is bad, and returns the parsed value or null. Plain Java.
 *
 * <p>Amounts are exact decimals: the text is parsed as a {@link BigDecimal}, never through a double. An amount
 * may have at most the currency's default fraction digits ({@link Currency#getDefaultFractionDigits()}), counted
 * on its value, so {@code "125.50"} and {@code "125.5"} are both 125.50 EUR while {@code "125.505"} is refused.
 * Currencies without minor units (fraction digits -1, such as XXX or XAU) are refused.
 */
final class RequestFields {

    static final int MAX_CLIENT_ID_LENGTH = 64;
    static final int MAX_IDEMPOTENCY_KEY_LENGTH = 128;
    /** Largest amount in minor units: 15 digits, which also fits the amount column NUMERIC(19,4). */
    static final long MAX_AMOUNT_MINOR = 999_999_999_999_999L;
    /** Longest amount text accepted before parsing, so that absurd inputs are refused cheaply. */
    static final int MAX_AMOUNT_TEXT_LENGTH = 40;
    static final String CLIENT_ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9._:@-]*";

    private static final Pattern CLIENT_ID = Pattern.compile(CLIENT_ID_PATTERN);
    private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]+");
    private static final Set<String> COUNTRIES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

    private RequestFields() {
    }

    static String clientId(String field, String value, List<FieldError> errors) {
        if (isMissing(value)) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        if (value.length() > MAX_CLIENT_ID_LENGTH) {
            errors.add(new FieldError(field, "must be at most " + MAX_CLIENT_ID_LENGTH + " characters"));
            return null;
        }
        if (!CLIENT_ID.matcher(value).matches()) {
            errors.add(new FieldError(field,
                    "must start with a letter or digit and contain only letters, digits and . _ : @ -"));
            return null;
        }
        return value;
    }

    static Currency currency(String field, String value, List<FieldError> errors) {
        if (isMissing(value)) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        if (!CURRENCY_CODE.matcher(value).matches()) {
            errors.add(new FieldError(field, "must be an ISO 4217 alphabetic code such as EUR"));
            return null;
        }
        Currency currency;
        try {
            currency = Currency.getInstance(value);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "is not an ISO 4217 currency code"));
            return null;
        }
        if (currency.getDefaultFractionDigits() < 0) {
            errors.add(new FieldError(field, "has no minor unit (" + value + " is not a currency of account)"));
            return null;
        }
        return currency;
    }

    /**
     * A positive amount of {@code currency}, with the currency's fraction digits as its scale; null when it is bad
     * or the currency is unknown (whose own error explains).
     */
    static BigDecimal amount(String field, String value, Currency currency, List<FieldError> errors) {
        if (isMissing(value)) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        if (value.length() > MAX_AMOUNT_TEXT_LENGTH) {
            errors.add(new FieldError(field, "must be a decimal number such as \"125.50\""));
            return null;
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(value);
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, "must be a decimal number such as \"125.50\""));
            return null;
        }
        if (amount.signum() <= 0) {
            errors.add(new FieldError(field, "must be positive"));
            return null;
        }
        if (currency == null) {
            return null; // the currency's own error explains; its fraction digits are unknown
        }
        int digits = currency.getDefaultFractionDigits();
        // compareTo and scale checks first: they stay cheap for inputs like 1E+999999999.
        BigDecimal max = BigDecimal.valueOf(MAX_AMOUNT_MINOR, digits);
        if (amount.compareTo(max) > 0) {
            errors.add(new FieldError(field, "must not exceed " + max.toPlainString() + " " + currency));
            return null;
        }
        if (amount.stripTrailingZeros().scale() > digits) {
            errors.add(new FieldError(field, digits == 0
                    ? "must be a whole number for " + currency
                    : "must have at most " + digits + " decimal places for " + currency));
            return null;
        }
        return amount.setScale(digits);
    }

    /** The amount in the currency's minor units (cents for EUR); both come from {@link #amount}. */
    static long minorUnits(BigDecimal amount, Currency currency) {
        return amount.movePointRight(currency.getDefaultFractionDigits()).longValueExact();
    }

    static Optional<String> enumValue(String field, String value, List<String> allowed, List<FieldError> errors) {
        if (isMissing(value)) {
            errors.add(new FieldError(field, "is required"));
            return Optional.empty();
        }
        if (!allowed.contains(value)) {
            errors.add(new FieldError(field, "must be one of " + String.join(", ", allowed)));
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /** An ISO 3166-1 alpha-2 code; null stays null (an optional field) unless {@code required}. */
    static String country(String field, String value, boolean required, List<FieldError> errors) {
        if (value == null && !required) {
            return null;
        }
        if (isMissing(value)) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        if (!COUNTRIES.contains(value)) {
            errors.add(new FieldError(field, "must be an ISO 3166-1 alpha-2 country code such as DE"));
            return null;
        }
        return value;
    }

    static String idempotencyKey(String value, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        if (value.isEmpty() || value.length() > MAX_IDEMPOTENCY_KEY_LENGTH
                || !IDEMPOTENCY_KEY.matcher(value).matches()) {
            errors.add(new FieldError("Idempotency-Key", "must be 1 to " + MAX_IDEMPOTENCY_KEY_LENGTH
                    + " visible ASCII characters (a UUID is a good choice)"));
            return null;
        }
        return value;
    }

    static boolean isMissing(String value) {
        return value == null || value.isBlank();
    }
}
