package io.banksuite.schemas;

import io.banksuite.events.Channel;
import io.banksuite.events.ClientStatus;
import io.banksuite.events.ClientUpdated;
import io.banksuite.events.TransactionCreated;
import io.banksuite.events.TransactionType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Sample events for the schema tests. */
public final class TestEvents {

    private TestEvents() {
    }

    public static TransactionCreated transactionCreated(String clientId, long amountMinor) {
        return TransactionCreated.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MICROS))
                .setTransactionId(UUID.randomUUID().toString())
                .setClientId(clientId)
                .setAmountMinor(amountMinor)
                .setCurrency("EUR")
                .setType(TransactionType.PAYMENT)
                .setMerchantId("m-42")
                .setMerchantCategory("5411")
                .setMerchantCountry("DE")
                .setChannel(Channel.WEB)
                .build();
    }

    public static ClientUpdated clientUpdated(String clientId, long version, ClientStatus status) {
        return ClientUpdated.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MICROS))
                .setClientId(clientId)
                .setVersion(version)
                .setStatus(status)
                .setSegment("RETAIL")
                .setCountry("DE")
                .build();
    }
}
