package io.banksuite.analytics.adapter.in.kafka;

import io.banksuite.analytics.application.MinuteTotalsService;
import io.banksuite.analytics.domain.Contribution;
import io.banksuite.events.TransactionCreated;
import io.banksuite.inbox.EventRoutes;
import io.banksuite.inbox.InboxListener;
import io.banksuite.inbox.InboxProcessor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Adds each {@code TransactionCreated} of the client stream to the minute totals, once (kafka-inbox does the rest);
 * the stream's other event types add nothing to them.
 */
@Component
public class ClientEventsListener {

    /** The listener container's id, for operations (stop, start, rewind). */
    public static final String LISTENER_ID = "analytics-client-events";

    private final InboxProcessor inbox;
    private final EventRoutes routes;

    public ClientEventsListener(InboxProcessor inbox, MinuteTotalsService totals) {
        this.inbox = inbox;
        this.routes = EventRoutes.builder()
                .on(TransactionCreated.class, ClientEventsListener::contribution, totals::record)
                .build();
    }

    @KafkaListener(id = LISTENER_ID, topics = InboxListener.TOPIC, groupId = InboxListener.GROUP_ID,
            concurrency = InboxListener.CONCURRENCY)
    void on(ConsumerRecord<String, Object> record) {
        inbox.process(record, routes);
    }

    /** What the event adds to the totals; a field they cannot take makes the event invalid. */
    static Contribution contribution(TransactionCreated event) {
        return Contribution.of(event.getOccurredAt(), event.getCurrency(), event.getMerchantCategory(),
                event.getAmountMinor());
    }
}
