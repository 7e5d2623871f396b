package io.banksuite.inbox;

import java.time.Instant;

import io.banksuite.events.TransactionCreated;
import io.banksuite.inbox.testing.TransactionEvents;
import io.banksuite.schemas.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Events and records for the inbox's tests. */
public final class TestEvents {

    public static final String TOPIC = Topics.CLIENT_EVENTS.name();

    private TestEvents() {
    }

    public static TransactionCreated event(String eventId, String clientId) {
        return TransactionEvents.paymentBuilder(clientId, 1234, "EUR", Instant.parse("2026-11-27T14:00:00Z"))
                .setEventId(eventId)
                .build();
    }

    public static ConsumerRecord<String, TransactionCreated> record(TransactionCreated event, int partition,
                                                                    long offset) {
        return new ConsumerRecord<>(TOPIC, partition, offset, event.getClientId(), event);
    }
}
