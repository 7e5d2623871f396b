package io.banksuite.ml.adapter.in.kafka;

import io.banksuite.events.ClientDailySpend;
import io.banksuite.inbox.EventRoutes;
import io.banksuite.inbox.InboxProcessor;
import io.banksuite.ml.application.DailySpendService;
import io.banksuite.ml.domain.DailySpend;
import io.banksuite.schemas.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps what the daily-spend stream reports, once per record (kafka-inbox). The inbox's consumers read
 * {@code read_committed}, so a record of a stream transaction that was aborted (its instance died mid-way) is never
 * seen; the redone one is.
 */
@Component
public class DailySpendListener {

    /** The listener container's id, for operations (stop, start, rewind). */
    public static final String LISTENER_ID = "ml-daily-spend";

    private final InboxProcessor inbox;
    private final EventRoutes routes;

    public DailySpendListener(InboxProcessor inbox, DailySpendService dailySpend) {
        this.inbox = inbox;
        this.routes = EventRoutes.builder()
                .on(ClientDailySpend.class, DailySpendListener::spend, dailySpend::record)
                .build();
    }

    @KafkaListener(id = LISTENER_ID, topics = Topics.CLIENT_DAILY_SPEND_NAME,
            groupId = DailySpendConsumerProperties.GROUP_ID, concurrency = DailySpendConsumerProperties.CONCURRENCY)
    void on(ConsumerRecord<String, Object> record) {
        inbox.process(record, routes);
    }

    static DailySpend spend(ClientDailySpend event) {
        return new DailySpend(event.getClientId(), event.getDay(), event.getCurrency(), event.getTotalMinor(),
                event.getCount());
    }
}
