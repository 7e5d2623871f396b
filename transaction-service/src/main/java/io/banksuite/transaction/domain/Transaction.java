package io.banksuite.transaction.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.UUID;

/**
 * A recorded transaction.
 *
 * @param sequence the row's insertion sequence, the order of a client's transaction list
 * @param cardId   the bank's id of the card used, or null
 * @param eventId  the id of the TransactionCreated event announcing it
 * @param outcome  how its charge ended, or null while its status is CREATED
 */
public record Transaction(UUID id, long sequence, String clientId, BigDecimal amount, long amountMinor,
                          Currency currency, TransactionType type, String merchantId, String merchantCategory,
                          String merchantCountry, Channel channel, String cardId, TransactionStatus status,
                          Instant occurredAt, UUID eventId, ChargeOutcome outcome) {

    /**
     * A charge outcome as applied to the transaction.
     *
     * @param chargeId  the charge request it answered
     * @param reason    why it was declined or failed; null when settled
     * @param decidedAt when notification-worker recorded it
     */
    public record ChargeOutcome(UUID chargeId, String reason, Instant decidedAt) {
    }
}
