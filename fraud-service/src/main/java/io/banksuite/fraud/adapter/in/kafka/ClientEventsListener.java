package io.banksuite.fraud.adapter.in.kafka;

import java.util.UUID;

import io.banksuite.events.TransactionCreated;
import io.banksuite.fraud.application.TransactionScreening;
import io.banksuite.fraud.domain.TransactionFacts;
import io.banksuite.fraud.domain.UnsupportedCurrencyException;
import io.banksuite.inbox.EventRoutes;
import io.banksuite.inbox.InboxListener;
import io.banksuite.inbox.InboxProcessor;
import io.banksuite.inbox.InvalidEventException;
import io.banksuite.inbox.RecordDiagnostics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Screens each TransactionCreated of the client stream through the inbox: the event's dedup row, the client's activity, the decision
 * and the notification job commit in one database transaction, and the container commits the Kafka offset only
 * after it. A redelivered event (same eventId) finds its dedup row and changes nothing.
 */
@Component
public class ClientEventsListener {

    /** The listener container's id, for operations (stop, start, rewind). */
    public static final String LISTENER_ID = "fraud-client-events";

    private final InboxProcessor inbox;
    private final TransactionScreening screening;

    public ClientEventsListener(InboxProcessor inbox, TransactionScreening screening) {
        this.inbox = inbox;
        this.screening = screening;
    }

    @KafkaListener(id = LISTENER_ID, topics = InboxListener.TOPIC, groupId = InboxListener.GROUP_ID,
            concurrency = InboxListener.CONCURRENCY)
    public void on(ConsumerRecord<String, Object> record) {
        String traceparent = RecordDiagnostics.traceparent(record);
        inbox.process(record, EventRoutes.builder()
                .on(TransactionCreated.class, ClientEventsListener::facts, facts -> screen(facts, traceparent))
                .build());
    }

    private void screen(TransactionFacts facts, String traceparent) {
        try {
            screening.screen(facts, traceparent);
        } catch (UnsupportedCurrencyException e) {
            // Retrying cannot make the currency known: straight to the dead-letter topic.
            throw new InvalidEventException("Transaction " + facts.transactionId() + ": " + e.getMessage(), e);
        }
    }

    static TransactionFacts facts(TransactionCreated event) {
        UUID transactionId;
        try {
            transactionId = UUID.fromString(event.getTransactionId());
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("transactionId is not a UUID: '" + event.getTransactionId() + "'", e);
        }
        return new TransactionFacts(UUID.fromString(event.getEventId()), transactionId, event.getClientId(),
                event.getAmountMinor(), event.getCurrency(), event.getOccurredAt());
    }
}
