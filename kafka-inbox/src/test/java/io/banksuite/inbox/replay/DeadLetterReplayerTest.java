package io.banksuite.inbox.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.banksuite.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import io.banksuite.inbox.InboxProperties;
import io.banksuite.runtime.deadletter.ReplayFailedException;
import io.banksuite.runtime.deadletter.ReplayInProgressException;
import io.banksuite.runtime.deadletter.ReplayResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.mock.MockProducerFactory;

/**
 * The replay loop against Kafka's mock clients: a two-partition dead-letter topic whose replay group's commits
 * outlive each call's consumer, and a producer that can be made to fail.
 */
class DeadLetterReplayerTest {

    static final String TOPIC = Topics.CLIENT_EVENTS_NAME;
    static final String DLT = "client.events.ml-consumer.dlt";
    static final TopicPartition P0 = new TopicPartition(DLT, 0);
    static final TopicPartition P1 = new TopicPartition(DLT, 1);

    /** The dead-letter topic, and what the broker appends to it while a call runs. */
    private final List<ConsumerRecord<byte[], byte[]>> parked = new ArrayList<>();
    private final List<ConsumerRecord<byte[], byte[]>> parkedDuringTheCall = new ArrayList<>();
    /** The replay group's committed offsets, which outlive the consumers. */
    private final Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
    private Consumer<DeadLetterReplayer> duringTheCall = replayer -> { };
    private int failingSend = -1;

    private final MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(),
            new ByteArraySerializer()) {
        @Override
        public synchronized Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record, Callback callback) {
            if (history().size() == failingSend) {
                throw new KafkaException("broker unavailable");
            }
            return super.send(record, callback);
        }

        @Override
        public void close(Duration timeout) {
            // One producer for the whole test, as the application's shared one.
        }
    };
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final DeadLetterReplayer replayer = new DeadLetterReplayer(TOPIC, "ml-consumer", this::consumer,
            new KafkaTemplate<>(new MockProducerFactory<>(() -> producer)), value -> null,
            new InboxProperties.Replay(true, 100, 1000, Duration.ofSeconds(5), Duration.ofSeconds(5)), meters);

    @Test
    void replaysOldestFirstUpToMaxAndCommitsWhatWasAcked() {
        park(P0, 0, 10, "a");
        park(P1, 0, 20, "b");
        park(P0, 1, 30, "c");

        assertThat(replayer.replay(2)).isEqualTo(new ReplayResult(2, 1));
        assertThat(replayedKeys()).containsExactly("a", "b");
        assertThat(committed).containsEntry(P0, new OffsetAndMetadata(1)).containsEntry(P1, new OffsetAndMetadata(1));

        assertThat(replayer.replay(10)).isEqualTo(new ReplayResult(1, 0));
        assertThat(replayedKeys()).containsExactly("a", "b", "c");
        assertThat(committed).containsEntry(P0, new OffsetAndMetadata(2));

        assertThat(replayer.replay(10)).isEqualTo(new ReplayResult(0, 0));
        assertThat(replayedKeys()).hasSize(3);
        assertThat(producer.history()).allSatisfy(r -> assertThat(r.topic()).isEqualTo(TOPIC));
        assertThat(meters.counter(DeadLetterReplayer.REPLAYED_METRIC, "topic", DLT, "group", "ml-consumer").count())
                .isEqualTo(3.0);
    }

    @Test
    void aRecordParkedAgainDuringTheCallWaitsForTheNextCall() {
        park(P0, 0, 10, "a");
        parkedDuringTheCall.add(record(P0, 1, 40, "a-again"));

        assertThat(replayer.replay(10)).isEqualTo(new ReplayResult(1, 1));
        assertThat(replayedKeys()).containsExactly("a");

        assertThat(replayer.replay(10)).isEqualTo(new ReplayResult(1, 0));
        assertThat(replayedKeys()).containsExactly("a", "a-again");
    }

    @Test
    void aFailedSendStopsTheCallAndKeepsWhatWasReplayedBeforeIt() {
        park(P0, 0, 10, "a");
        park(P0, 1, 20, "b");
        park(P0, 2, 30, "c");
        failingSend = 1;

        assertThatThrownBy(() -> replayer.replay(10))
                .isInstanceOfSatisfying(ReplayFailedException.class, e -> assertThat(e.replayed()).isEqualTo(1));
        assertThat(committed).containsExactly(Map.entry(P0, new OffsetAndMetadata(1)));

        failingSend = -1;
        assertThat(replayer.replay(10)).isEqualTo(new ReplayResult(2, 0));
        assertThat(replayedKeys()).containsExactly("a", "b", "c");
    }

    @Test
    void theListingShowsWhatIsLeftAndMovesNothing() {
        park(P0, 0, 10, "a");
        park(P1, 0, 20, "b");
        park(P0, 1, 30, "c");

        var listing = replayer.list(2);
        assertThat(listing.remaining()).isEqualTo(3);
        assertThat(listing.records()).extracting(ParkedRecord::key).containsExactly("a", "b");
        assertThat(listing.deadLetterTopic()).isEqualTo(DLT);
        assertThat(listing.replayGroup()).isEqualTo("ml-consumer.dlt-replay");
        assertThat(committed).isEmpty();

        replayer.replay(1);
        assertThat(replayer.list(10).records()).extracting(ParkedRecord::key).containsExactly("b", "c");
    }

    @Test
    void oneReplayAtATime() {
        park(P0, 0, 10, "a");
        duringTheCall = running -> assertThatThrownBy(() -> running.replay(1))
                .isInstanceOf(ReplayInProgressException.class);

        assertThat(replayer.replay(1).replayed()).isEqualTo(1);
    }

    @Test
    void rejectsCountsOutOfRange() {
        assertThatThrownBy(() -> replayer.replay(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> replayer.replay(1001)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> replayer.list(0)).isInstanceOf(IllegalArgumentException.class);
    }

    // --- the fake dead-letter topic

    private org.apache.kafka.clients.consumer.Consumer<byte[], byte[]> consumer() {
        duringTheCall.accept(replayer);
        MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest") {
            @Override
            public void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets, Duration timeout) {
                committed.putAll(offsets);
            }

            @Override
            public synchronized Map<TopicPartition, OffsetAndMetadata> committed(Set<TopicPartition> partitions,
                                                                                  Duration timeout) {
                Map<TopicPartition, OffsetAndMetadata> result = new HashMap<>();
                partitions.forEach(tp -> result.put(tp, committed.get(tp)));
                return result;
            }
        };
        consumer.updatePartitions(DLT, List.of(partition(0), partition(1)));
        consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
        consumer.updateEndOffsets(endOffsets());
        consumer.schedulePollTask(() -> {
            parked.addAll(parkedDuringTheCall);
            parkedDuringTheCall.clear();
            consumer.updateEndOffsets(endOffsets());
            parked.stream().filter(r -> r.offset() >= consumer.position(new TopicPartition(r.topic(), r.partition())))
                    .forEach(consumer::addRecord);
        });
        return consumer;
    }

    private Map<TopicPartition, Long> endOffsets() {
        Map<TopicPartition, Long> end = new HashMap<>(Map.of(P0, 0L, P1, 0L));
        parked.forEach(r -> end.merge(new TopicPartition(r.topic(), r.partition()), r.offset() + 1, Math::max));
        return end;
    }

    private void park(TopicPartition tp, long offset, long timestamp, String key) {
        parked.add(record(tp, offset, timestamp, key));
    }

    private static ConsumerRecord<byte[], byte[]> record(TopicPartition tp, long offset, long timestamp, String key) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("kafka_dlt-original-topic", TOPIC.getBytes(StandardCharsets.UTF_8));
        return new ConsumerRecord<>(tp.topic(), tp.partition(), offset, timestamp, TimestampType.CREATE_TIME, 1, 1,
                key.getBytes(StandardCharsets.UTF_8), new byte[]{1}, headers, Optional.empty());
    }

    private List<String> replayedKeys() {
        return producer.history().stream().map(r -> new String(r.key(), StandardCharsets.UTF_8)).toList();
    }

    private static PartitionInfo partition(int partition) {
        return new PartitionInfo(DLT, partition, null, null, null);
    }
}
