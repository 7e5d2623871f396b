package io.banksuite.ml.adapter.in.streams;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

import io.banksuite.events.ClientDailySpend;
import io.banksuite.events.TransactionCreated;
import io.banksuite.ml.domain.DailySpend;
import io.banksuite.ml.domain.DailySpendMaths;
import io.banksuite.ml.domain.DailyTally;
import io.banksuite.ml.domain.TransactionObservation;
import io.banksuite.schemas.MessageHeaders;
import io.banksuite.schemas.Topics;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Folds one transaction into its client's spend of that day and currency, and forwards the new spend; an event the
 * day's tally holds already forwards nothing. A transaction the fold cannot take (no positive amount, no ISO currency, a key that is not its client) throws
 * {@link IllegalArgumentException}, which the processing handler parks ({@link ParkingExceptionHandler}).
 */
class DailySpendProcessor implements FixedKeyProcessor<String, TransactionCreated, ClientDailySpend> {

    private static final Logger log = LoggerFactory.getLogger(DailySpendProcessor.class);

    private FixedKeyProcessorContext<String, ClientDailySpend> context;
    private KeyValueStore<String, DailyTally> store;

    @Override
    public void init(FixedKeyProcessorContext<String, ClientDailySpend> context) {
        this.context = context;
        this.store = context.getStateStore(DailySpendTopology.STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, TransactionCreated> record) {
        TransactionCreated transaction = record.value();
        TransactionObservation observed = new TransactionObservation(transaction.getClientId(),
                transaction.getCurrency(), transaction.getAmountMinor(), transaction.getOccurredAt());
        if (!observed.clientId().equals(record.key())) {
            // The store is partitioned by the record key: a client's state must stay on its client's partition.
            throw new IllegalArgumentException("Record key " + record.key() + " is not the client id "
                    + observed.clientId());
        }
        String key = storeKey(observed);
        Optional<DailyTally> tally = DailySpendMaths.add(store.get(key), observed, transaction.getEventId());
        if (tally.isEmpty()) {
            log.debug("Skipped repeated event {} of client {}", transaction.getEventId(), observed.clientId());
            return;
        }
        store.put(key, tally.get());
        ClientDailySpend event = event(tally.get().spend(), transaction);
        context.forward(record.withValue(event).withHeaders(headers(record.headers(), event)));
    }

    /** {@code clientId|day|currency}: day and currency have fixed lengths, so any client id reads back. */
    static String storeKey(TransactionObservation observed) {
        return observed.clientId() + "|" + DailySpendMaths.dayOf(observed.occurredAt()) + "|" + observed.currency();
    }

    /**
     * The event id is derived from the transaction's: a transaction folded twice (its record replayed, say) yields
     * the same id, so a consumer's inbox can tell, and it never equals the transaction's own event id, which the
     * same consumer's other inbox rows may hold.
     */
    static String eventId(String sourceEventId) {
        return UUID.nameUUIDFromBytes((Topics.CLIENT_DAILY_SPEND_NAME + "/" + sourceEventId)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static ClientDailySpend event(DailySpend spend, TransactionCreated transaction) {
        return ClientDailySpend.newBuilder()
                .setEventId(eventId(transaction.getEventId()))
                .setClientId(spend.clientId())
                .setDay(spend.day())
                .setCurrency(spend.currency())
                .setTotalMinor(spend.totalMinor())
                .setCount(spend.count())
                .setTransactionId(transaction.getTransactionId())
                .setSourceEventId(transaction.getEventId())
                .setOccurredAt(transaction.getOccurredAt())
                .build();
    }

    /** The trace context travels on; the event's own id and type replace the transaction's. */
    private static Headers headers(Headers in, ClientDailySpend event) {
        Headers out = new RecordHeaders(in.toArray());
        out.remove(MessageHeaders.EVENT_ID);
        out.remove(MessageHeaders.EVENT_TYPE);
        out.add(MessageHeaders.EVENT_ID, event.getEventId().getBytes(StandardCharsets.UTF_8));
        out.add(MessageHeaders.EVENT_TYPE, Topics.DAILY_SPEND.name().getBytes(StandardCharsets.UTF_8));
        return out;
    }
}
