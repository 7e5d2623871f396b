package io.banksuite.transaction.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates a transaction request and names every invalid field at once (not only the first), so that a client
 * can fix its request in one round trip. Plain Java: no Spring, no I/O.
 *
 * <p>Amounts are exact decimals: the text is parsed as a {@link BigDecimal}, never through a double. An amount
 * may have at most the currency's default fraction digits ({@link Currency#getDefaultFractionDigits()}), counted
 * on its value, so {@code "125.50"} and {@code "125.5"} are both 125.50 EUR while {@code "125.505"} is refused.
 * Currencies without minor units (fraction digits -1, such as XXX or XAU) are refused.
 */
public final class TransactionValidator {

    public static final int MAX_CLIENT_ID_LENGTH = 64;
    public static final int MAX_MERCHANT_ID_LENGTH = 64;
    public static final int MAX_IDEMPOTENCY_KEY_LENGTH = 128;
    /** Largest amount in minor units: 15 digits, which also fits the amount column NUMERIC(19,4). */
    public static final long MAX_AMOUNT_MINOR = 999_999_999_999_999L;
    /** Longest amount text accepted before parsing, so that absurd inputs are refused cheaply. */
    static final int MAX_AMOUNT_TEXT_LENGTH = 40;

    /** What a client id may look like (also checked on URLs by Bean Validation). */
    public static final String CLIENT_ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9._:@-]*";

    private static final Pattern CLIENT_ID = Pattern.compile(CLIENT_ID_PATTERN);
    private static final Pattern MERCHANT_CATEGORY = Pattern.compile("[0-9]{4}");
    private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]+");
    private static final Set<String> COUNTRIES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

    private static final List<String> TYPES = Arrays.stream(TransactionType.values()).map(Enum::name).toList();
    private static final List<String> CHANNELS = Arrays.stream(Channel.values()).map(Enum::name).toList();

    /**
     * @return the validated transaction
     * @throws InvalidTransactionException naming every invalid field
     */
    public NewTransaction validate(TransactionDraft draft) {
        return validate(draft, null).transaction();
    }

    /**
     * Validates the body and the optional {@code Idempotency-Key} header together, so that both kinds of error
     * come back in one response.
     */
    public ValidRequest validate(TransactionDraft draft, String idempotencyKey) {
        var errors = new ArrayList<FieldError>();
        if (draft == null) {
            errors.add(new FieldError("body", "is required"));
            throw new InvalidTransactionException(errors);
        }
        String clientId = clientId(draft.clientId(), errors);
        Currency currency = currency(draft.currency(), errors);
        BigDecimal amount = amount(draft.amount(), currency, errors);
        TransactionType type = enumValue("type", draft.type(), TYPES, errors)
                .map(TransactionType::valueOf).orElse(null);
        Channel channel = enumValue("channel", draft.channel(), CHANNELS, errors)
                .map(Channel::valueOf).orElse(null);
        String merchantId = optionalText("merchantId", draft.merchantId(), MAX_MERCHANT_ID_LENGTH, errors);
        String merchantCategory = optionalMatching("merchantCategory", draft.merchantCategory(), MERCHANT_CATEGORY,
                "must be a 4-digit ISO 18245 merchant category code", errors);
        String merchantCountry = merchantCountry(draft.merchantCountry(), errors);
        String key = idempotencyKey(idempotencyKey, errors);
        if (!errors.isEmpty()) {
            throw new InvalidTransactionException(errors);
        }
        long amountMinor = amount.movePointRight(currency.getDefaultFractionDigits()).longValueExact();
        var transaction = new NewTransaction(clientId, amount, amountMinor, currency, type, merchantId,
                merchantCategory, merchantCountry, channel);
        return new ValidRequest(transaction, Optional.ofNullable(key));
    }

    /** A validated request: the transaction and its idempotency key, if the client sent one. */
    public record ValidRequest(NewTransaction transaction, Optional<String> idempotencyKey) {
    }

    private static String clientId(String value, List<FieldError> errors) {
        if (isMissing(value)) {
            errors.add(new FieldError("clientId", "is required"));
            return null;
        }
        if (value.length() > MAX_CLIENT_ID_LENGTH) {
            errors.add(new FieldError("clientId", "must be at most " + MAX_CLIENT_ID_LENGTH + " characters"));
            return null;
        }
        if (!CLIENT_ID.matcher(value).matches()) {
            errors.add(new FieldError("clientId",
                    "must start with a letter or digit and contain only letters, digits and . _ : @ -"));
            return null;
        }
        return value;
    }

    private static Currency currency(String value, List<FieldError> errors) {
        if (isMissing(value)) {
            errors.add(new FieldError("currency", "is required"));
            return null;
        }
        if (!CURRENCY_CODE.matcher(value).matches()) {
            errors.add(new FieldError("currency", "must be an ISO 4217 alphabetic code such as EUR"));
            return null;
        }
        Currency currency;
        try {
            currency = Currency.getInstance(value);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("currency", "is not an ISO 4217 currency code"));
            return null;
        }
        if (currency.getDefaultFractionDigits() < 0) {
            errors.add(new FieldError("currency", "has no minor unit (" + value + " is not a currency of account)"));
            return null;
        }
        return currency;
    }

    private static BigDecimal amount(String value, Currency currency, List<FieldError> errors) {
        if (isMissing(value)) {
            errors.add(new FieldError("amount", "is required"));
            return null;
        }
        if (value.length() > MAX_AMOUNT_TEXT_LENGTH) {
            errors.add(new FieldError("amount", "must be a decimal number such as \"125.50\""));
            return null;
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(value);
        } catch (NumberFormatException e) {
            errors.add(new FieldError("amount", "must be a decimal number such as \"125.50\""));
            return null;
        }
        if (amount.signum() <= 0) {
            errors.add(new FieldError("amount", "must be positive"));
            return null;
        }
        if (currency == null) {
            return null; // the currency's own error explains; its fraction digits are unknown
        }
        int digits = currency.getDefaultFractionDigits();
        // compareTo and scale checks first: they stay cheap for inputs like 1E+999999999.
        BigDecimal max = BigDecimal.valueOf(MAX_AMOUNT_MINOR, digits);
        if (amount.compareTo(max) > 0) {
            errors.add(new FieldError("amount", "must not exceed " + max.toPlainString() + " " + currency));
            return null;
        }
        if (amount.stripTrailingZeros().scale() > digits) {
            errors.add(new FieldError("amount", digits == 0
                    ? "must be a whole number for " + currency
                    : "must have at most " + digits + " decimal places for " + currency));
            return null;
        }
        return amount.setScale(digits);
    }

    private static Optional<String> enumValue(String field, String value, List<String> allowed,
                                              List<FieldError> errors) {
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

    private static String optionalText(String field, String value, int maxLength, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        if (value.isBlank()) {
            errors.add(new FieldError(field, "must not be blank (omit it instead)"));
        } else if (value.length() > maxLength) {
            errors.add(new FieldError(field, "must be at most " + maxLength + " characters"));
        } else if (value.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError(field, "must not contain control characters"));
        } else {
            return value;
        }
        return null;
    }

    private static String optionalMatching(String field, String value, Pattern pattern, String message,
                                           List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        if (!pattern.matcher(value).matches()) {
            errors.add(new FieldError(field, message));
            return null;
        }
        return value;
    }

    private static String merchantCountry(String value, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        if (!COUNTRIES.contains(value)) {
            errors.add(new FieldError("merchantCountry", "must be an ISO 3166-1 alpha-2 country code such as DE"));
            return null;
        }
        return value;
    }

    private static String idempotencyKey(String value, List<FieldError> errors) {
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

    private static boolean isMissing(String value) {
        return value == null || value.isBlank();
    }
}
