package io.banksuite.ml.adapter.in.streams;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Folds one transaction into its client's spend of that day and currency, and forwards the new spend; an event the
 * day's tally holds already forwards nothing. A transaction the fold cannot take (no positive amount, no ISO
 * currency, a key that is not its client, a day older than the retention) throws {@link IllegalArgumentException},
 * which the processing handler parks ({@link ParkingExceptionHandler}).
 */
class DailySpendProcessor implements FixedKeyProcessor<String, TransactionCreated, ClientDailySpend> {

    private static final Logger log = LoggerFactory.getLogger(DailySpendProcessor.class);

    /** How often the days past the retention are deleted from the store (and its changelog). */
    static final Duration PURGE_INTERVAL = Duration.ofHours(1);

    private final Duration retention;
    private FixedKeyProcessorContext<String, ClientDailySpend> context;
    private KeyValueStore<String, DailyTally> store;

    /** @param retention how far back the days' tallies are kept */
    DailySpendProcessor(Duration retention) {
        this.retention = retention;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, ClientDailySpend> context) {
        this.context = context;
        this.store = context.getStateStore(DailySpendTopology.STORE);
        context.schedule(PURGE_INTERVAL, PunctuationType.WALL_CLOCK_TIME, this::purge);
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
        LocalDate oldest = DailySpendMaths.oldestKeptDay(now(), retention);
        if (DailySpendMaths.dayOf(observed.occurredAt()).isBefore(oldest)) {
            // Its day's tally is gone: counting it would start that day again from one.
            throw new IllegalArgumentException("Transaction " + transaction.getTransactionId() + " occurred before "
                    + oldest + ", the oldest day the stream keeps (retention " + retention + ")");
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

    /**
     * {@code day|clientId|currency}: the day first, so that the days past the retention are one range of keys at
     * the start of the store.
     */
    static String storeKey(TransactionObservation observed) {
        return DailySpendMaths.dayOf(observed.occurredAt()) + "|" + observed.clientId() + "|" + observed.currency();
    }

    /** Deletes the tallies of the days before the oldest one kept (tombstones in the changelog, so they go there too). */
    private void purge(long wallClockMillis) {
        String before = DailySpendMaths.oldestKeptDay(Instant.ofEpochMilli(wallClockMillis), retention).toString();
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, DailyTally> old = store.range("", before)) {
            old.forEachRemaining(entry -> expired.add(entry.key));
        }
        expired.forEach(store::delete);
        if (!expired.isEmpty()) {
            log.info("Forgot {} daily-spend tallies of days before {}", expired.size(), before);
        }
    }

    private Instant now() {
        return Instant.ofEpochMilli(context.currentSystemTimeMs());
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
