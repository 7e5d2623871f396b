package io.banksuite.transaction.domain;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * A validated transaction request.
 *
 * @param amount      the exact amount, with the currency's default fraction digits as its scale
 * @param amountMinor the same amount in minor units (cents for EUR)
 * @param cardId      the bank's id of the card used, or null
 */
public record NewTransaction(String clientId, BigDecimal amount, long amountMinor, Currency currency,
                             TransactionType type, String merchantId, String merchantCategory,
                             String merchantCountry, Channel channel, String cardId) {

    public NewTransaction {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(channel, "channel");
    }

    /**
     * A canonical text of every field, equal for two requests that mean the same transaction; an idempotency key
     * reused with a different request is detected by comparing its digest.
     */
    public String canonicalText() {
        String text = String.join("\u001f", clientId, amount.toPlainString(), currency.getCurrencyCode(), type.name(),
                String.valueOf(merchantId), String.valueOf(merchantCategory), String.valueOf(merchantCountry),
                channel.name());
        // Appended only when present, so that requests without a card keep the digests stored before cards existed.
        return cardId == null ? text : text + "\u001fcard=" + cardId;
    }
}
