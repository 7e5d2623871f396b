package io.banksuite.ml.events;

import io.banksuite.events.TransactionCreated;
import io.banksuite.inbox.InboxProcessor;
import io.banksuite.inbox.InvalidEventException;
import io.banksuite.ml.features.FeatureRecorder;
import io.banksuite.ml.features.TransactionObservation;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Feeds each {@code TransactionCreated} to the features, once (kafka-inbox does the rest). */
@Component
public class TransactionCreatedListener {

    /** The listener container's id, for operations (stop, start, rewind). */
    public static final String LISTENER_ID = "ml-transaction-created";

    private final InboxProcessor inbox;
    private final FeatureRecorder features;

    public TransactionCreatedListener(InboxProcessor inbox, FeatureRecorder features) {
        this.inbox = inbox;
        this.features = features;
    }

    @KafkaListener(id = LISTENER_ID, topics = "${inbox.topic}", groupId = "${inbox.group-id}",
            concurrency = "${inbox.concurrency}")
    void on(ConsumerRecord<String, TransactionCreated> record) {
        TransactionCreated event = record.value();
        TransactionObservation observation = observation(event);
        inbox.process(record, event.getEventId(), () -> features.record(observation));
    }

    static TransactionObservation observation(TransactionCreated event) {
        try {
            return new TransactionObservation(event.getClientId(), event.getCurrency(), event.getAmountMinor(),
                    event.getOccurredAt());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidEventException("Invalid TransactionCreated " + event.getEventId() + ": " + e.getMessage(),
                    e);
        }
    }
}
