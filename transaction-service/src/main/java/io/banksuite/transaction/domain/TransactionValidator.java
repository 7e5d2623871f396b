package io.banksuite.transaction.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Validates a transaction request and names every invalid field at once (not only the first), so that a client
 * can fix its request in one round trip. Plain Java: no Spring, no I/O. Amounts and currencies follow
 * {@link RequestFields}' rules.
 */
public final class TransactionValidator {

    public static final int MAX_CLIENT_ID_LENGTH = RequestFields.MAX_CLIENT_ID_LENGTH;
    public static final int MAX_MERCHANT_ID_LENGTH = 64;
    public static final int MAX_IDEMPOTENCY_KEY_LENGTH = RequestFields.MAX_IDEMPOTENCY_KEY_LENGTH;
    /** Largest amount in minor units: 15 digits, which also fits the amount column NUMERIC(19,4). */
    public static final long MAX_AMOUNT_MINOR = RequestFields.MAX_AMOUNT_MINOR;
    /** Longest amount text accepted before parsing, so that absurd inputs are refused cheaply. */
    static final int MAX_AMOUNT_TEXT_LENGTH = RequestFields.MAX_AMOUNT_TEXT_LENGTH;

    /** What a client id may look like (also checked on URLs by Bean Validation). */
    public static final String CLIENT_ID_PATTERN = RequestFields.CLIENT_ID_PATTERN;

    public static final int MAX_CARD_ID_LENGTH = 64;

    private static final Pattern MERCHANT_CATEGORY = Pattern.compile("[0-9]{4}");
    /** A card id, not a card number: an id of up to 64 characters that is not all digits (a PAN is all digits). */
    private static final Pattern CARD_ID =
            Pattern.compile("(?=.*[A-Za-z._:-])[A-Za-z0-9._:-]{1," + MAX_CARD_ID_LENGTH + "}");

    private static final List<String> TYPES = Arrays.stream(TransactionType.values()).map(Enum::name).toList();
    private static final List<String> CHANNELS = Arrays.stream(Channel.values()).map(Enum::name).toList();

    /**
     * @return the validated transaction
     * @throws InvalidRequestException naming every invalid field
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
            throw new InvalidRequestException(errors);
        }
        String clientId = RequestFields.clientId("clientId", draft.clientId(), errors);
        Currency currency = RequestFields.currency("currency", draft.currency(), errors);
        BigDecimal amount = RequestFields.amount("amount", draft.amount(), currency, errors);
        TransactionType type = RequestFields.enumValue("type", draft.type(), TYPES, errors)
                .map(TransactionType::valueOf).orElse(null);
        Channel channel = RequestFields.enumValue("channel", draft.channel(), CHANNELS, errors)
                .map(Channel::valueOf).orElse(null);
        String merchantId = optionalText("merchantId", draft.merchantId(), MAX_MERCHANT_ID_LENGTH, errors);
        String merchantCategory = optionalMatching("merchantCategory", draft.merchantCategory(), MERCHANT_CATEGORY,
                "must be a 4-digit ISO 18245 merchant category code", errors);
        String merchantCountry = RequestFields.country("merchantCountry", draft.merchantCountry(), false, errors);
        String cardId = optionalMatching("cardId", draft.cardId(), CARD_ID,
                "must be the bank's id of the card: 1 to " + MAX_CARD_ID_LENGTH + " letters, digits or . _ : -"
                        + " (never a card number)", errors);
        String key = RequestFields.idempotencyKey(idempotencyKey, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        long amountMinor = RequestFields.minorUnits(amount, currency);
        var transaction = new NewTransaction(clientId, amount, amountMinor, currency, type, merchantId,
                merchantCategory, merchantCountry, channel, cardId);
        return new ValidRequest(transaction, Optional.ofNullable(key));
    }

    /** A validated request: the transaction and its idempotency key, if the client sent one. */
    public record ValidRequest(NewTransaction transaction, Optional<String> idempotencyKey) {
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

}
