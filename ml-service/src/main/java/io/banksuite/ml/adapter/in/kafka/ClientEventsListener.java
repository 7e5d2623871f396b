package io.banksuite.ml.adapter.in.kafka;

import io.banksuite.events.ClientUpdated;
import io.banksuite.events.TransactionCreated;
import io.banksuite.inbox.EventRoutes;
import io.banksuite.inbox.InboxListener;
import io.banksuite.inbox.InboxProcessor;
import io.banksuite.ml.application.ClientFeaturesService;
import io.banksuite.ml.domain.ClientProfile;
import io.banksuite.ml.domain.TransactionObservation;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Applies each {@code TransactionCreated} of the client stream to its client's features, and each
 * {@code client.updated} to its categorical features, once (kafka-inbox does the rest); limit changes are not
 * features.
 */
@Component
public class ClientEventsListener {

    /** The listener container's id, for operations (stop, start, rewind). */
    public static final String LISTENER_ID = "ml-client-events";

    private final InboxProcessor inbox;
    private final EventRoutes routes;

    public ClientEventsListener(InboxProcessor inbox, ClientFeaturesService features) {
        this.inbox = inbox;
        this.routes = EventRoutes.builder()
                .on(TransactionCreated.class, ClientEventsListener::observation, features::record)
                .on(ClientUpdated.class, ClientEventsListener::profile, features::profile)
                .build();
    }

    @KafkaListener(id = LISTENER_ID, topics = InboxListener.TOPIC, groupId = InboxListener.GROUP_ID,
            concurrency = InboxListener.CONCURRENCY)
    void on(ConsumerRecord<String, Object> record) {
        inbox.process(record, routes);
    }

    /** What the features learn from the event; a field they cannot take makes the event invalid. */
    static TransactionObservation observation(TransactionCreated event) {
        return new TransactionObservation(event.getClientId(), event.getCurrency(), event.getAmountMinor(),
                event.getOccurredAt());
    }

    static ClientProfile profile(ClientUpdated event) {
        return new ClientProfile(event.getClientId(), event.getVersion(), event.getStatus().name(), event.getSegment());
    }
}
