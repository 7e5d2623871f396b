package io.banksuite.ml.adapter.in.kafka;

import io.banksuite.events.TransactionCreated;
import io.banksuite.inbox.InboxListener;
import io.banksuite.inbox.InboxProcessor;
import io.banksuite.ml.application.ClientFeaturesService;
import io.banksuite.ml.domain.TransactionObservation;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Applies each {@code TransactionCreated} to its client's features, once (kafka-inbox does the rest). */
@Component
public class TransactionCreatedListener {

    /** The listener container's id, for operations (stop, start, rewind). */
    public static final String LISTENER_ID = "ml-transaction-created";

    private final InboxProcessor inbox;
    private final ClientFeaturesService features;

    public TransactionCreatedListener(InboxProcessor inbox, ClientFeaturesService features) {
        this.inbox = inbox;
        this.features = features;
    }

    @KafkaListener(id = LISTENER_ID, topics = InboxListener.TOPIC, groupId = InboxListener.GROUP_ID,
            concurrency = InboxListener.CONCURRENCY)
    void on(ConsumerRecord<String, TransactionCreated> record) {
        inbox.process(record, TransactionCreatedListener::observation, features::record);
    }

    /** What the features learn from the event; a field they cannot take makes the event invalid. */
    static TransactionObservation observation(TransactionCreated event) {
        return new TransactionObservation(event.getClientId(), event.getCurrency(), event.getAmountMinor(),
                event.getOccurredAt());
    }
}
