package io.banksuite.analytics.events;

import io.banksuite.analytics.totals.Contribution;
import io.banksuite.analytics.totals.MinuteTotalsRecorder;
import io.banksuite.events.TransactionCreated;
import io.banksuite.inbox.InboxProcessor;
import io.banksuite.inbox.InvalidEventException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Adds each {@code TransactionCreated} to the minute totals, once (kafka-inbox does the rest). */
@Component
public class TransactionCreatedListener {

    /** The listener container's id, for operations (stop, start, rewind). */
    public static final String LISTENER_ID = "analytics-transaction-created";

    private final InboxProcessor inbox;
    private final MinuteTotalsRecorder totals;

    public TransactionCreatedListener(InboxProcessor inbox, MinuteTotalsRecorder totals) {
        this.inbox = inbox;
        this.totals = totals;
    }

    @KafkaListener(id = LISTENER_ID, topics = "${inbox.topic}", groupId = "${inbox.group-id}",
            concurrency = "${inbox.concurrency}")
    void on(ConsumerRecord<String, TransactionCreated> record) {
        TransactionCreated event = record.value();
        Contribution contribution = contribution(event);
        inbox.process(record, event.getEventId(), () -> totals.record(contribution));
    }

    static Contribution contribution(TransactionCreated event) {
        try {
            return Contribution.of(event.getOccurredAt(), event.getCurrency(), event.getMerchantCategory(),
                    event.getAmountMinor());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidEventException("Invalid TransactionCreated " + event.getEventId() + ": " + e.getMessage(),
                    e);
        }
    }
}
