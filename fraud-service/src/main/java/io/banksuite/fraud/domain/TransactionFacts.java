package io.banksuite.fraud.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What the rules know about one transaction, taken from a TransactionCreated event.
 *
 * @param amountMinor exact amount in the minor units of {@code currency} (cents for EUR, yen for JPY)
 * @param currency    ISO 4217 alphabetic code
 * @param card        the card paid with, when it was a card payment (the event's optional cardId); else null
 */
public record TransactionFacts(UUID eventId, UUID transactionId, String clientId, long amountMinor, String currency,
                               Instant occurredAt, CardPayment card) {

    /** A transaction that is not a card payment. */
    public TransactionFacts(UUID eventId, UUID transactionId, String clientId, long amountMinor, String currency,
                            Instant occurredAt) {
        this(eventId, transactionId, clientId, amountMinor, currency, occurredAt, null);
    }

    /** The card and the merchant of a card payment: what a charge needs beyond the amount. */
    public record CardPayment(String cardId, String merchantId) {
        public CardPayment {
            Objects.requireNonNull(cardId, "cardId");
        }
    }

    public TransactionFacts {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
