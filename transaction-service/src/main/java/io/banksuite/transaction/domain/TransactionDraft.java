package io.banksuite.transaction.domain;

/**
 * A transaction as a client describes it, and the body of {@code POST /api/v1/transactions}: every field is text as
 * received (every field is a JSON string, {@code amount} too: {@code "125.50"}), so that
 * {@link TransactionValidator} can name every invalid field at once instead of the JSON binder failing on the first,
 * and turn it into a {@link NewTransaction}.
 */
public record TransactionDraft(String clientId, String amount, String currency, String type, String merchantId,
                               String merchantCategory, String merchantCountry, String channel, String cardId) {

    /** A transaction without a card. */
    public TransactionDraft(String clientId, String amount, String currency, String type, String merchantId,
                            String merchantCategory, String merchantCountry, String channel) {
        this(clientId, amount, currency, type, merchantId, merchantCategory, merchantCountry, channel, null);
    }
}
