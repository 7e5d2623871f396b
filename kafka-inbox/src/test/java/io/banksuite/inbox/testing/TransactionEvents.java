package io.banksuite.inbox.testing;

import java.time.Instant;
import java.util.UUID;

import io.banksuite.events.Channel;
import io.banksuite.events.TransactionCreated;
import io.banksuite.events.TransactionType;

/**
 * Valid {@code TransactionCreated} events for tests: a card payment at a grocery (5411) in Germany, on the web, with
 * a fresh event id and transaction id. A test sets what it is about; the rest stays out of its way.
 */
public final class TransactionEvents {

    private TransactionEvents() {
    }

    /** A payment of {@code amountMinor} by {@code clientId}. */
    public static TransactionCreated payment(String clientId, long amountMinor, String currency, Instant occurredAt) {
        return paymentBuilder(clientId, amountMinor, currency, occurredAt).build();
    }

    /** The same payment, still open for a test to change a field (event id, merchant category...). */
    public static TransactionCreated.Builder paymentBuilder(String clientId, long amountMinor, String currency,
                                                            Instant occurredAt) {
        return TransactionCreated.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(occurredAt)
                .setTransactionId(UUID.randomUUID().toString())
                .setClientId(clientId)
                .setAmountMinor(amountMinor)
                .setCurrency(currency)
                .setType(TransactionType.PAYMENT)
                .setMerchantId(null)
                .setMerchantCategory("5411")
                .setMerchantCountry("DE")
                .setChannel(Channel.WEB);
    }
}
