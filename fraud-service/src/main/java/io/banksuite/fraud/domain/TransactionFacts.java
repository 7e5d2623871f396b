package io.banksuite.fraud.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What the rules know about one transaction, taken from a TransactionCreated event.
 *
 * @param amountMinor exact amount in the minor units of {@code currency} (cents for EUR, yen for JPY)
 * @param currency    ISO 4217 alphabetic code
 */
public record TransactionFacts(UUID eventId, UUID transactionId, String clientId, long amountMinor, String currency,
                               Instant occurredAt) {

    public TransactionFacts {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
