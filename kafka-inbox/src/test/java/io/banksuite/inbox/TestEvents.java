package io.banksuite.inbox;

import java.time.Instant;
import java.util.UUID;

import io.banksuite.events.Channel;
import io.banksuite.events.TransactionCreated;
import io.banksuite.events.TransactionType;
import io.banksuite.schemas.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Events and records for the inbox's tests. */
public final class TestEvents {

    public static final String TOPIC = Topics.TRANSACTION_CREATED.name();

    private TestEvents() {
    }

    public static TransactionCreated event(String eventId, String clientId) {
        return TransactionCreated.newBuilder()
                .setEventId(eventId)
                .setOccurredAt(Instant.parse("2026-11-27T14:00:00Z"))
                .setTransactionId(UUID.randomUUID().toString())
                .setClientId(clientId)
                .setAmountMinor(1234)
                .setCurrency("EUR")
                .setType(TransactionType.PAYMENT)
                .setMerchantId(null)
                .setMerchantCategory("5411")
                .setMerchantCountry("DE")
                .setChannel(Channel.WEB)
                .build();
    }

    public static ConsumerRecord<String, TransactionCreated> record(TransactionCreated event, int partition,
                                                                    long offset) {
        return new ConsumerRecord<>(TOPIC, partition, offset, event.getClientId(), event);
    }
}
