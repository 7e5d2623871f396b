package io.banksuite.transaction.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates the client profile and limits requests, naming every invalid field at once (a limit's fields as
 * {@code limits[2].dailyLimit}). Plain Java. Amounts and currencies follow {@link RequestFields}' rules.
 */
public final class ClientRequestValidator {

    /** Most currencies one client may have limits in; more is refused rather than stored. */
    public static final int MAX_LIMITS = 50;
    public static final int MAX_SEGMENT_LENGTH = 32;

    private static final Pattern SEGMENT = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final List<String> STATUSES = Arrays.stream(ClientStatus.values()).map(Enum::name).toList();

    /** A validated change: whose, what it makes the resource, and its idempotency key if the client sent one. */
    public record ValidChange<S extends ClientState>(String clientId, S state, Optional<String> idempotencyKey) {
    }

    /**
     * @throws InvalidRequestException naming every invalid field, the path's client id and the Idempotency-Key
     *                                 header included
     */
    public ValidChange<ClientProfile> profile(String clientId, ProfileDraft draft, String idempotencyKey) {
        var errors = new ArrayList<FieldError>();
        String id = RequestFields.clientId("clientId", clientId, errors);
        String key = RequestFields.idempotencyKey(idempotencyKey, errors);
        if (draft == null) {
            errors.add(new FieldError("body", "is required"));
            throw new InvalidRequestException(errors);
        }
        ClientStatus status = RequestFields.enumValue("status", draft.status(), STATUSES, errors)
                .map(ClientStatus::valueOf).orElse(null);
        String segment = segment(draft.segment(), errors);
        String country = RequestFields.country("country", draft.country(), true, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new ValidChange<>(id, new ClientProfile(status, segment, country), Optional.ofNullable(key));
    }

    /** @throws InvalidRequestException naming every invalid field */
    public ValidChange<ClientLimits> limits(String clientId, LimitsDraft draft, String idempotencyKey) {
        var errors = new ArrayList<FieldError>();
        String id = RequestFields.clientId("clientId", clientId, errors);
        String key = RequestFields.idempotencyKey(idempotencyKey, errors);
        if (draft == null || draft.limits() == null) {
            errors.add(new FieldError(draft == null ? "body" : "limits", "is required (an empty list lifts every"
                    + " limit)"));
            throw new InvalidRequestException(errors);
        }
        if (draft.limits().size() > MAX_LIMITS) {
            errors.add(new FieldError("limits", "must hold at most " + MAX_LIMITS + " currencies"));
            throw new InvalidRequestException(errors);
        }
        List<CurrencyLimit> limits = new ArrayList<>();
        Set<Currency> seen = new HashSet<>();
        for (int i = 0; i < draft.limits().size(); i++) {
            String at = "limits[" + i + "]";
            LimitsDraft.Entry entry = draft.limits().get(i);
            if (entry == null) {
                errors.add(new FieldError(at, "must be an object"));
                continue;
            }
            Currency currency = RequestFields.currency(at + ".currency", entry.currency(), errors);
            if (currency != null && !seen.add(currency)) {
                errors.add(new FieldError(at + ".currency", "is listed twice (" + currency + ")"));
            }
            BigDecimal single = RequestFields.amount(at + ".singleTransactionLimit", entry.singleTransactionLimit(),
                    currency, errors);
            BigDecimal daily = RequestFields.amount(at + ".dailyLimit", entry.dailyLimit(), currency, errors);
            if (single != null && daily != null) {
                if (daily.compareTo(single) < 0) {
                    errors.add(new FieldError(at + ".dailyLimit", "must not be below singleTransactionLimit"));
                } else {
                    limits.add(new CurrencyLimit(currency, single, daily));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new ValidChange<>(id, new ClientLimits(limits), Optional.ofNullable(key));
    }

    private static String segment(String value, List<FieldError> errors) {
        if (RequestFields.isMissing(value)) {
            errors.add(new FieldError("segment", "is required"));
            return null;
        }
        if (value.length() > MAX_SEGMENT_LENGTH || !SEGMENT.matcher(value).matches()) {
            errors.add(new FieldError("segment", "must be 1 to " + MAX_SEGMENT_LENGTH + " upper case letters, digits"
                    + " or underscores, starting with a letter (for example RETAIL)"));
            return null;
        }
        return value;
    }
}
