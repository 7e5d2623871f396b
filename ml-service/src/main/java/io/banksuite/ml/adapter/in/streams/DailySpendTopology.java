package io.banksuite.ml.adapter.in.streams;

import java.time.Duration;
import java.util.Map;

import io.banksuite.events.ClientDailySpend;
import io.banksuite.events.TransactionCreated;
import io.banksuite.schemas.Topics;
import io.banksuite.schemas.serde.AvroSerdeConfig;
import io.banksuite.schemas.serde.ConfluentAvroDeserializer;
import io.banksuite.schemas.serde.ConfluentAvroSerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * The daily-spend stream: {@code client.events} → each {@code transaction.created} folded into its client's spend
 * per UTC day and currency (a changelogged state store) → one {@code client.daily-spend} record per transaction.
 *
 * <p>No repartition: the input is keyed by client id and so is the store's every key, so a client's transactions,
 * its state and its outputs stay on one task, and its outputs keep its order. Under {@code exactly_once_v2} the
 * outputs, the store's changelog records and the input offsets are committed in one Kafka transaction: an instance
 * killed mid-way leaves an aborted transaction, and the next one redoes it from the committed offsets and state.
 * Node and store names are fixed, since they name the internal topics an upgrade must keep.
 */
public final class DailySpendTopology {

    /** The state store, and (with the application id) its changelog topic. */
    public static final String STORE = "daily-spend";

    private DailySpendTopology() {
    }

    /**
     * Adds the stream to {@code builder}, reading and writing Avro through the registry at {@code registryUrl}, and
     * keeping each day's tallies for {@code retention}.
     */
    public static KStream<String, ClientDailySpend> addTo(StreamsBuilder builder, String registryUrl,
                                                          Duration retention) {
        return addTo(builder, avro(registryUrl, Topics.CLIENT_EVENTS), avro(registryUrl, Topics.CLIENT_DAILY_SPEND),
                retention);
    }

    /** The same with the value serdes given: the topology test's, which need no registry. */
    static KStream<String, ClientDailySpend> addTo(StreamsBuilder builder, Serde<Object> events,
                                                   Serde<ClientDailySpend> spendValues, Duration retention) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(),
                new DailySpendStoreSerde()));
        KStream<String, ClientDailySpend> spend = builder
                .stream(Topics.CLIENT_EVENTS_NAME, Consumed.with(Serdes.String(), events).withName("client-events"))
                // The stream's other event types (and types newer than this service, read as generic data) are not
                // spend.
                .filter((clientId, event) -> event instanceof TransactionCreated, Named.as("transactions"))
                .mapValues(event -> (TransactionCreated) event, Named.as("as-transaction"))
                .processValues(() -> new DailySpendProcessor(retention), Named.as("fold-daily-spend"), STORE);
        spend.to(Topics.CLIENT_DAILY_SPEND_NAME, Produced.with(Serdes.String(), spendValues)
                .withName("client-daily-spend"));
        return spend;
    }

    /**
     * The suite's Avro serde for the values of {@code topic}: generated classes when read, schemas registered under
     * the topic's subject strategy when written. Configured here: Kafka Streams does not configure the serdes a
     * topology is handed.
     */
    @SuppressWarnings("unchecked")
    static <T> Serde<T> avro(String registryUrl, Topics.Topic topic) {
        Map<String, Object> config = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl,
                AvroSerdeConfig.SPECIFIC_AVRO_READER, true,
                AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, true,
                AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, topic.valueSubjects().confluentClassName());
        ConfluentAvroSerializer serializer = new ConfluentAvroSerializer();
        serializer.configure(config, false);
        ConfluentAvroDeserializer deserializer = new ConfluentAvroDeserializer();
        deserializer.configure(config, false);
        return (Serde<T>) (Serde<?>) Serdes.serdeFrom(serializer, deserializer);
    }
}
