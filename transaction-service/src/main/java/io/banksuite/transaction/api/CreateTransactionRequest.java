package io.banksuite.transaction.api;

import io.banksuite.transaction.transaction.TransactionDraft;

/**
 * The body of POST /api/v1/transactions. Every field is bound as text (a JSON number for {@code amount} keeps its
 * exact digits, e.g. 125.50), so that {@link io.banksuite.transaction.transaction.TransactionValidator} can name
 * every bad field at once instead of the JSON binder failing on the first.
 */
public record CreateTransactionRequest(String clientId, String amount, String currency, String type,
                                       String merchantId, String merchantCategory, String merchantCountry,
                                       String channel) {

    TransactionDraft toDraft() {
        return new TransactionDraft(clientId, amount, currency, type, merchantId, merchantCategory, merchantCountry,
                channel);
    }
}
