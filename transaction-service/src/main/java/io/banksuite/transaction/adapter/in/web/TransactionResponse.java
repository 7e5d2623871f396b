package io.banksuite.transaction.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.banksuite.transaction.domain.Transaction;

import java.time.Instant;

/**
 * A transaction as the API returns it; {@code amount} is a string with the currency's fraction digits. Once a
 * charge outcome moved the status on, {@code statusReason} (declined or failed) and {@code statusChangedAt} say
 * why and when.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TransactionResponse(String id, String clientId, String amount, String currency, String type,
                                  String merchantId, String merchantCategory, String merchantCountry,
                                  String channel, String cardId, String status, String statusReason,
                                  Instant statusChangedAt, Instant occurredAt) {

    static TransactionResponse of(Transaction t) {
        return new TransactionResponse(t.id().toString(), t.clientId(), t.amount().toPlainString(),
                t.currency().getCurrencyCode(), t.type().name(), t.merchantId(), t.merchantCategory(),
                t.merchantCountry(), t.channel().name(), t.cardId(), t.status().name(),
                t.outcome() == null ? null : t.outcome().reason(),
                t.outcome() == null ? null : t.outcome().decidedAt(), t.occurredAt());
    }
}
