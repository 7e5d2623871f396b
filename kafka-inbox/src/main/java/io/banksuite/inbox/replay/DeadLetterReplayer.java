package io.banksuite.inbox.replay;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

import io.banksuite.inbox.InboxProperties;
import io.banksuite.inbox.RecordDiagnostics;
import io.banksuite.runtime.deadletter.DeadLetterListing;
import io.banksuite.runtime.deadletter.DeadLetters;
import io.banksuite.runtime.deadletter.DeadLettersUnavailableException;
import io.banksuite.runtime.deadletter.ReplayFailedException;
import io.banksuite.runtime.deadletter.ReplayInProgressException;
import io.banksuite.runtime.deadletter.ReplayLimits;
import io.banksuite.runtime.deadletter.ReplayResult;
import io.banksuite.schemas.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;

/**
 * Replays the records one consumer group parked in its dead-letter topic ({@code <topic>.<group>.dlt}) to the
 * topics they came from, and lists those not replayed yet.
 * <p>
 * Progress is the committed offset of the group {@code <group>.dlt-replay} on the dead-letter topic. A record is
 * republished (acks=all, idempotent, waiting for the ack) before its offset is committed, so none is lost; a crash
 * between the ack and the commit republishes it on the next call (at least once), which the consumers' inbox
 * skips by event id. One call reads only up to the end the topic had when it started, so a record that fails
 * again and is parked again during the call waits for the next one. Calls on one instance run one at a time.
 * The consumer is assigned the partitions (no group membership), so it does not wait for a rebalance.
 */
public class DeadLetterReplayer implements DeadLetters {

    public static final String REPLAYED_METRIC = "inbox.dead_letters.replayed";

    private static final Logger log = LoggerFactory.getLogger(DeadLetterReplayer.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(30);

    private final String topic;
    private final String deadLetterTopic;
    private final String replayGroup;
    private final Supplier<Consumer<byte[], byte[]>> consumers;
    private final KafkaOperations<byte[], byte[]> producer;
    private final Function<byte @Nullable [], @Nullable String> eventIds;
    private final InboxProperties.Replay settings;
    private final Counter replayed;
    /** Not a reentrant lock: a call is refused even on the thread of the running one. */
    private final AtomicBoolean running = new AtomicBoolean();

    /**
     * @param topic     the topic the group consumes (where a record goes back when it lacks its original-topic header)
     * @param group     the consumer group whose dead-letter topic this replays
     * @param consumers new consumers of the replay group ({@link Topics.DeadLetters#replayGroup}), byte[] key and
     *                  value, auto-commit off; each call closes the one it takes
     * @param producer  byte[] key and value, acks=all, idempotent
     * @param eventIds  reads the event id from a parked value, for the listing and the logs (null if unknown)
     */
    public DeadLetterReplayer(String topic, String group, Supplier<Consumer<byte[], byte[]>> consumers,
                              KafkaOperations<byte[], byte[]> producer,
                              Function<byte @Nullable [], @Nullable String> eventIds,
                              InboxProperties.Replay settings, MeterRegistry meters) {
        this.topic = Objects.requireNonNull(topic, "topic");
        this.deadLetterTopic = Topics.DeadLetters.topic(topic, group);
        this.replayGroup = Topics.DeadLetters.replayGroup(group);
        this.consumers = Objects.requireNonNull(consumers, "consumers");
        this.producer = Objects.requireNonNull(producer, "producer");
        this.eventIds = Objects.requireNonNull(eventIds, "eventIds");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.replayed = Counter.builder(REPLAYED_METRIC)
                .description("Parked records republished to their original topic by an operator's replay")
                .tag("topic", deadLetterTopic)
                .tag("group", group)
                .register(meters);
    }

    public String deadLetterTopic() {
        return deadLetterTopic;
    }

    public String replayGroup() {
        return replayGroup;
    }

    @Override
    public String location() {
        return deadLetterTopic;
    }

    @Override
    public ReplayLimits limits() {
        return settings.limits();
    }

    /**
     * Republishes up to {@code max} parked records, oldest first, and commits each one's offset in the replay
     * group after the broker acked it.
     *
     * @throws ReplayInProgressException       if another replay is running on this instance
     * @throws ReplayFailedException           if a record could not be republished; what was acked before stays
     *                                         replayed
     * @throws DeadLettersUnavailableException if the dead-letter topic cannot be read
     */
    @Override
    public ReplayResult replay(int max) {
        requireInRange(max);
        if (!running.compareAndSet(false, true)) {
            throw new ReplayInProgressException(deadLetterTopic);
        }
        try (Consumer<byte[], byte[]> consumer = consumers.get()) {
            Window window = open(consumer);
            long deadline = System.nanoTime() + settings.timeout().toNanos();
            int done = 0;
            while (done < max && !window.reachedEnd(consumer) && System.nanoTime() < deadline) {
                Map<TopicPartition, OffsetAndMetadata> acked = new HashMap<>();
                RuntimeException failure = null;
                try {
                    for (ConsumerRecord<byte[], byte[]> parked : oldestFirst(consumer.poll(POLL))) {
                        if (done == max) {
                            break;
                        }
                        if (window.contains(parked)) {
                            republish(parked);
                            acked.put(new TopicPartition(parked.topic(), parked.partition()),
                                    new OffsetAndMetadata(parked.offset() + 1));
                            done++;
                        }
                    }
                } catch (RuntimeException e) {
                    failure = e;
                }
                failure = commit(consumer, acked, failure);
                if (failure != null) {
                    throw new ReplayFailedException(deadLetterTopic, done, failure);
                }
            }
            long remaining = remaining(consumer, window.partitions());
            log.info("Replayed {} record(s) of {} to their topics (replay group {}); {} still parked", done,
                    deadLetterTopic, replayGroup, remaining);
            return new ReplayResult(done, remaining);
        } catch (KafkaException e) {
            throw new DeadLettersUnavailableException(deadLetterTopic, e);
        } finally {
            running.set(false);
        }
    }

    /** Up to {@code limit} parked records not replayed yet, oldest first; moves no offset. */
    @Override
    public ParkedRecords list(int limit) {
        requireInRange(limit);
        try (Consumer<byte[], byte[]> consumer = consumers.get()) {
            Window window = open(consumer);
            long remaining = remaining(consumer, window.partitions());
            long deadline = System.nanoTime() + settings.timeout().toNanos();
            List<ParkedRecord> records = new ArrayList<>();
            while (records.size() < limit && !window.reachedEnd(consumer) && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> parked : oldestFirst(consumer.poll(POLL))) {
                    if (records.size() < limit && window.contains(parked)) {
                        records.add(DeadLetterRecords.describe(parked, eventIds));
                    }
                }
            }
            return new ParkedRecords(deadLetterTopic, replayGroup, remaining, records);
        } catch (KafkaException e) {
            throw new DeadLettersUnavailableException(deadLetterTopic, e);
        }
    }

    private void republish(ConsumerRecord<byte[], byte[]> parked) {
        var record = DeadLetterRecords.toReplay(parked, topic);
        try {
            producer.send(record).get(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(parked, e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw failed(parked, e);
        }
        replayed.increment();
        log.debug("Replayed {}-{}@{} to {} (eventId={})", parked.topic(), parked.partition(), parked.offset(),
                record.topic(), eventIds.apply(parked.value()));
    }

    private IllegalStateException failed(ConsumerRecord<byte[], byte[]> parked, Exception e) {
        String where = parked.topic() + "-" + parked.partition() + "@" + parked.offset();
        String eventId = eventIds.apply(parked.value());
        String traceId = RecordDiagnostics.traceId(parked);
        log.error("Could not replay {} eventId={} traceId={}; it stays parked: {}", where,
                eventId == null ? "unknown" : eventId, traceId == null ? "unknown" : traceId, e.toString());
        return new IllegalStateException("Could not replay " + where + " (eventId=" + eventId + ")", e);
    }

    /**
     * Commits what was acked, also after a failure (so those records are not replayed again); returns the first
     * failure, if any. If the commit fails, the acked records are replayed again by the next call.
     */
    private static @Nullable RuntimeException commit(Consumer<byte[], byte[]> consumer,
            Map<TopicPartition, OffsetAndMetadata> acked, @Nullable RuntimeException failure) {
        if (acked.isEmpty()) {
            return failure;
        }
        try {
            consumer.commitSync(acked, METADATA_TIMEOUT);
            return failure;
        } catch (RuntimeException e) {
            if (failure == null) {
                return e;
            }
            failure.addSuppressed(e);
            return failure;
        }
    }

    /** Assigns every partition of the dead-letter topic at the replay group's committed offset (or its start). */
    private Window open(Consumer<byte[], byte[]> consumer) {
        List<PartitionInfo> infos = consumer.partitionsFor(deadLetterTopic, METADATA_TIMEOUT);
        List<TopicPartition> partitions = infos == null ? List.of() : infos.stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        if (partitions.isEmpty()) {
            // No dead-letter topic (nothing was ever parked, or it is not created by this service).
            return new Window(partitions, Map.of());
        }
        consumer.assign(partitions);
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(partitions),
                METADATA_TIMEOUT);
        for (TopicPartition tp : partitions) {
            OffsetAndMetadata offset = committed.get(tp);
            if (offset == null) {
                consumer.seekToBeginning(List.of(tp));
            } else {
                // Out of range (retention deleted it) is reset to the earliest record by auto.offset.reset.
                consumer.seek(tp, offset.offset());
            }
        }
        return new Window(partitions, consumer.endOffsets(partitions, METADATA_TIMEOUT));
    }

    /** Parked records after the replay group's committed offset (or the start), up to the end as of now. */
    private long remaining(Consumer<byte[], byte[]> consumer, List<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return 0;
        }
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(partitions),
                METADATA_TIMEOUT);
        Map<TopicPartition, Long> start = consumer.beginningOffsets(partitions, METADATA_TIMEOUT);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, METADATA_TIMEOUT);
        long remaining = 0;
        for (TopicPartition tp : partitions) {
            OffsetAndMetadata offset = committed.get(tp);
            long from = Math.max(start.getOrDefault(tp, 0L), offset == null ? 0 : offset.offset());
            remaining += Math.max(0, end.getOrDefault(tp, 0L) - from);
        }
        return remaining;
    }

    /**
     * The records of one poll, oldest first across partitions, in offset order within each: committing "up to
     * this record" must never skip an earlier record of its partition.
     */
    static List<ConsumerRecord<byte[], byte[]>> oldestFirst(ConsumerRecords<byte[], byte[]> records) {
        List<Deque<ConsumerRecord<byte[], byte[]>>> queues = new ArrayList<>();
        for (TopicPartition tp : records.partitions()) {
            queues.add(new ArrayDeque<>(records.records(tp)));
        }
        Comparator<Deque<ConsumerRecord<byte[], byte[]>>> byHead = Comparator
                .comparingLong((Deque<ConsumerRecord<byte[], byte[]>> q) -> q.peekFirst().timestamp())
                .thenComparingInt(q -> q.peekFirst().partition());
        List<ConsumerRecord<byte[], byte[]>> ordered = new ArrayList<>(records.count());
        queues.removeIf(Deque::isEmpty);
        while (!queues.isEmpty()) {
            Deque<ConsumerRecord<byte[], byte[]>> next = queues.stream().min(byHead).orElseThrow();
            ordered.add(next.pollFirst());
            if (next.isEmpty()) {
                queues.remove(next);
            }
        }
        return ordered;
    }

    private void requireInRange(int count) {
        if (count < 1 || count > settings.maxPerCall()) {
            throw new IllegalArgumentException("must be between 1 and " + settings.maxPerCall() + ": " + count);
        }
    }

    /** The partitions a call reads and where it stops: the end offsets when it started. */
    private record Window(List<TopicPartition> partitions, Map<TopicPartition, Long> end) {

        boolean contains(ConsumerRecord<?, ?> record) {
            Long stop = end.get(new TopicPartition(record.topic(), record.partition()));
            return stop != null && record.offset() < stop;
        }

        boolean reachedEnd(Consumer<?, ?> consumer) {
            for (TopicPartition tp : partitions) {
                if (consumer.position(tp, METADATA_TIMEOUT) < end.getOrDefault(tp, 0L)) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * What {@link #list} found.
     *
     * @param remaining all parked records not replayed yet; {@code records} holds the oldest of them
     */
    public record ParkedRecords(String deadLetterTopic, String replayGroup, long remaining,
                                List<ParkedRecord> records) implements DeadLetterListing {
    }
}
