package io.banksuite.schemas.charge;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A request to charge a card for one transaction: the JSON body of a message on {@code RabbitTopology.CHARGES}, in
 * the form its JSON Schema ({@code charge-request.schema.json}, versioned under {@code schema-history/charge-request})
 * gives. fraud-service asks for it when it lets a card transaction through; notification-worker makes the charge.
 * One transaction is charged at most once: {@code transactionId} is the idempotency key end to end (the worker's
 * charge record, and the card processor's {@code Idempotency-Key}).
 *
 * @param chargeId      unique id of the request; also the message's {@code messageId}
 * @param transactionId the transaction to charge for
 * @param clientId      its client
 * @param cardId        the bank's id of the card (never its number)
 * @param amountMinor   the amount, in the minor units of {@code currency}; positive
 * @param currency      ISO 4217 alphabetic code
 * @param merchantId    the merchant paid, when the transaction named one; else null
 * @param eventId       the {@code transaction.created} event that was screened
 * @param requestedAt   when fraud-service asked
 */
public record ChargeRequest(UUID chargeId, UUID transactionId, String clientId, String cardId, long amountMinor,
                            String currency, String merchantId, UUID eventId, Instant requestedAt) {

    public ChargeRequest {
        Objects.requireNonNull(chargeId, "chargeId is required");
        Objects.requireNonNull(transactionId, "transactionId is required");
        if (cardId == null || cardId.isBlank()) {
            throw new IllegalArgumentException("cardId is required");
        }
        if (amountMinor <= 0) {
            throw new IllegalArgumentException("amountMinor must be positive, not " + amountMinor);
        }
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code, not " + currency);
        }
    }
}
