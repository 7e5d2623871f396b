package io.banksuite.fraud.screening;

import io.banksuite.events.TransactionCreated;
import io.banksuite.fraud.rules.TransactionFacts;
import io.banksuite.fraud.rules.UnsupportedCurrencyException;
import io.banksuite.inbox.InboxProcessor;
import io.banksuite.inbox.InvalidEventException;
import io.banksuite.inbox.RecordDiagnostics;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Screens each TransactionCreated through the inbox: the event's dedup row, the client's activity, the decision
 * and the notification job commit in one database transaction, and the container commits the Kafka offset only
 * after it. A redelivered event (same eventId) finds its dedup row and changes nothing.
 */
@Component
public class TransactionCreatedListener {

    private final InboxProcessor inbox;
    private final TransactionScreening screening;

    public TransactionCreatedListener(InboxProcessor inbox, TransactionScreening screening) {
        this.inbox = inbox;
        this.screening = screening;
    }

    @KafkaListener(id = "fraud-transaction-created", topics = "${inbox.topic}", groupId = "${inbox.group-id}",
            concurrency = "${inbox.concurrency}")
    public void on(ConsumerRecord<String, TransactionCreated> record) {
        TransactionCreated event = record.value();
        // RecordDiagnostics copes with a missing value; the inbox then parks the record as invalid.
        inbox.process(record, RecordDiagnostics.eventId(record), () -> {
            try {
                screening.screen(facts(event), traceparent(record));
            } catch (UnsupportedCurrencyException e) {
                // Retrying cannot make the currency known: straight to the dead-letter topic.
                throw new InvalidEventException("Transaction " + event.getTransactionId() + ": " + e.getMessage(), e);
            }
        });
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

    private static String traceparent(ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader(RecordDiagnostics.TRACEPARENT_HEADER);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.US_ASCII);
    }
}
