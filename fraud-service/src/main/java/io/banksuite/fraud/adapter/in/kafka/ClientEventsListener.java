package io.banksuite.fraud.adapter.in.kafka;

import java.util.Currency;
import java.util.UUID;

import io.banksuite.events.ClientUpdated;
import io.banksuite.events.LimitChanged;
import io.banksuite.events.TransactionCreated;
import io.banksuite.fraud.application.ClientStandings;
import io.banksuite.fraud.application.TransactionScreening;
import io.banksuite.fraud.domain.ClientStanding;
import io.banksuite.fraud.domain.ClientStatus;
import io.banksuite.fraud.domain.SpendingLimit;
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
 * Keeps each client's status and limits from the client stream, and screens each TransactionCreated against them,
 * through the inbox: the event's dedup row, the client's activity, the decision and the notification job commit in
 * one database transaction, and the container commits the Kafka offset only after it. A redelivered event (same
 * eventId) finds its dedup row and changes nothing.
 */
@Component
public class ClientEventsListener {

    /** The listener container's id, for operations (stop, start, rewind). */
    public static final String LISTENER_ID = "fraud-client-events";

    private final InboxProcessor inbox;
    private final TransactionScreening screening;
    private final ClientStandings standings;

    public ClientEventsListener(InboxProcessor inbox, TransactionScreening screening, ClientStandings standings) {
        this.inbox = inbox;
        this.screening = screening;
        this.standings = standings;
    }

    @KafkaListener(id = LISTENER_ID, topics = InboxListener.TOPIC, groupId = InboxListener.GROUP_ID,
            concurrency = InboxListener.CONCURRENCY)
    public void on(ConsumerRecord<String, Object> record) {
        String traceparent = RecordDiagnostics.traceparent(record);
        inbox.process(record, EventRoutes.builder()
                .on(TransactionCreated.class, ClientEventsListener::facts, facts -> screen(facts, traceparent))
                .on(ClientUpdated.class, ClientEventsListener::statusChange, standings::apply)
                .on(LimitChanged.class, ClientEventsListener::limitsChange, standings::apply)
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
        TransactionFacts.CardPayment card = event.getCardId() == null || event.getCardId().isBlank()
                ? null : new TransactionFacts.CardPayment(event.getCardId(), event.getMerchantId());
        return new TransactionFacts(UUID.fromString(event.getEventId()), transactionId, event.getClientId(),
                event.getAmountMinor(), event.getCurrency(), event.getOccurredAt(), card);
    }

    static ClientStanding.StatusChange statusChange(ClientUpdated event) {
        return new ClientStanding.StatusChange(event.getClientId(), event.getVersion(), event.getOccurredAt(),
                ClientStatus.valueOf(event.getStatus().name()));
    }

    /** A limit in a currency the rules cannot take, or an inconsistent one, makes the event invalid (parked). */
    static ClientStanding.LimitsChange limitsChange(LimitChanged event) {
        return new ClientStanding.LimitsChange(event.getClientId(), event.getVersion(), event.getOccurredAt(),
                event.getLimits().stream()
                        .map(limit -> new SpendingLimit(supported(limit.getCurrency()),
                                limit.getSingleTransactionLimitMinor(), limit.getDailyLimitMinor()))
                        .toList());
    }

    private static String supported(String currency) {
        try {
            if (Currency.getInstance(currency).getDefaultFractionDigits() >= 0) {
                return currency;
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown currency '" + currency + "'", e);
        }
        throw new IllegalArgumentException("Currency without minor units '" + currency + "'");
    }
}
