package io.banksuite.transaction.transaction;

/**
 * A transaction as a client describes it, every field still text (as received), before validation.
 * {@link TransactionValidator} turns it into a {@link NewTransaction} or names every invalid field.
 */
public record TransactionDraft(String clientId, String amount, String currency, String type, String merchantId,
                               String merchantCategory, String merchantCountry, String channel) {
}
