package io.banksuite.analytics.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * One event of the client stream as analytics keeps it: every event, whatever its type, with the columns that the
 * queries need for transactions, and the whole event as JSON for the types that have no columns of their own.
 *
 * @param eventType   {@code transaction.created}, {@code client.updated}, ...
 * @param payloadJson the event as JSON (Avro's rendering of the record)
 * @param transaction the transaction's columns, for a transaction; null for other types
 * @param source      where it was read, for diagnostics
 */
public record ArchivedEvent(UUID eventId, String eventType, String clientId, Instant occurredAt, String payloadJson,
                            @Nullable TransactionColumns transaction, Source source) {

    public ArchivedEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(payloadJson, "payloadJson");
        Objects.requireNonNull(source, "source");
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("clientId is required");
        }
    }

    /**
     * @param merchantCategory ISO 18245 code, or null
     * @param merchantCountry  ISO 3166-1 alpha-2 code, or null
     */
    public record TransactionColumns(String transactionId, long amountMinor, String currency,
                                     @Nullable String merchantCategory, @Nullable String merchantCountry,
                                     String channel) {

        private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
        private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

        public TransactionColumns {
            Objects.requireNonNull(transactionId, "transactionId");
            Objects.requireNonNull(channel, "channel");
            if (currency == null || !CURRENCY.matcher(currency).matches()) {
                throw new IllegalArgumentException("currency must be an ISO 4217 code, not '" + currency + "'");
            }
            if (amountMinor <= 0) {
                throw new IllegalArgumentException("amountMinor must be positive, not " + amountMinor);
            }
            if (merchantCountry != null && !COUNTRY.matcher(merchantCountry).matches()) {
                throw new IllegalArgumentException("merchantCountry must be ISO 3166-1 alpha-2, not '"
                        + merchantCountry + "'");
            }
        }
    }

    public record Source(String topic, int partition, long offset) {
    }
}
