package io.banksuite.lag.adapter.out.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.banksuite.lag.application.port.out.ConsumerGroupOffsets;
import io.banksuite.lag.domain.GroupLag;
import io.banksuite.lag.domain.PartitionLag;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

/**
 * The broker's view of the consumer groups, with the Admin API: the groups, their committed offsets on the watched
 * topics, the log-end offsets, the live members; and, through a consumer of no group, the timestamp of the first
 * record each lagging group has not applied. Used by the scheduler's single thread only.
 */
public class KafkaConsumerGroupOffsets implements ConsumerGroupOffsets {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Duration FETCH = Duration.ofSeconds(2);

    private final Admin admin;
    private final Consumer<byte[], byte[]> reader;

    /**
     * @param reader a consumer of no group (assign and seek only), auto-commit off, at most a few records a poll
     */
    public KafkaConsumerGroupOffsets(Admin admin, Consumer<byte[], byte[]> reader) {
        this.admin = admin;
        this.reader = reader;
    }

    @Override
    public List<GroupLag> lagOn(Collection<String> topics) {
        Set<String> watched = Set.copyOf(topics);
        List<String> groupIds = get(admin.listGroups(ListGroupsOptions.forConsumerGroups()).all()).stream()
                .map(GroupListing::groupId).toList();
        Map<String, Map<TopicPartition, Long>> committed = new HashMap<>();
        for (String group : groupIds) {
            Map<TopicPartition, Long> onWatched = new HashMap<>();
            get(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()).forEach((tp, offset) -> {
                if (offset != null && watched.contains(tp.topic())) {
                    onWatched.put(tp, offset.offset());
                }
            });
            if (!onWatched.isEmpty()) {
                committed.put(group, onWatched);
            }
        }
        if (committed.isEmpty()) {
            return List.of();
        }
        fillUncommittedPartitions(committed);
        Map<TopicPartition, Long> end = offsets(committed, OffsetSpec.latest());
        Map<String, ConsumerGroupDescription> descriptions = get(admin.describeConsumerGroups(committed.keySet()).all());
        List<GroupLag> groups = new ArrayList<>();
        committed.forEach((group, offsets) -> {
            List<PartitionLag> partitions = new ArrayList<>();
            offsets.forEach((tp, offset) -> {
                long endOffset = end.getOrDefault(tp, offset);
                Instant oldest = endOffset > offset ? timestampAt(tp, offset) : null;
                partitions.add(new PartitionLag(group, tp.topic(), tp.partition(), offset, endOffset, oldest));
            });
            ConsumerGroupDescription description = descriptions.get(group);
            groups.add(new GroupLag(group, description == null ? 0 : description.members().size(), partitions));
        });
        return groups;
    }

    /**
     * A group that consumes a topic but has not committed on one of its partitions yet (nothing reached it since
     * the group began) would read it from the start: the suite's consumers reset to the earliest offset. Its lag
     * there counts from the log-start offset, so records that reach such a partition while the group is down are
     * not missed.
     */
    private void fillUncommittedPartitions(Map<String, Map<TopicPartition, Long>> committed) {
        Set<String> consumed = new HashSet<>();
        committed.values().forEach(offsets -> offsets.keySet().forEach(tp -> consumed.add(tp.topic())));
        Map<String, TopicDescription> topics = get(admin.describeTopics(consumed).allTopicNames());
        Map<String, Map<TopicPartition, Long>> uncommitted = new HashMap<>();
        committed.forEach((group, offsets) -> offsets.keySet().stream().map(TopicPartition::topic).distinct()
                .forEach(topic -> topics.get(topic).partitions().stream()
                        .map(info -> new TopicPartition(topic, info.partition()))
                        .filter(tp -> !offsets.containsKey(tp))
                        .forEach(tp -> uncommitted.computeIfAbsent(group, g -> new HashMap<>()).put(tp, 0L))));
        if (uncommitted.isEmpty()) {
            return;
        }
        Map<TopicPartition, Long> start = offsets(uncommitted, OffsetSpec.earliest());
        uncommitted.forEach((group, offsets) -> offsets.keySet()
                .forEach(tp -> committed.get(group).put(tp, start.getOrDefault(tp, 0L))));
    }

    private Map<TopicPartition, Long> offsets(Map<String, Map<TopicPartition, Long>> partitionsByGroup,
                                              OffsetSpec spec) {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitionsByGroup.values().forEach(offsets -> offsets.keySet().forEach(tp -> request.put(tp, spec)));
        Map<TopicPartition, Long> found = new HashMap<>();
        get(admin.listOffsets(request).all()).forEach((tp, info) -> found.put(tp, info.offset()));
        return found;
    }

    /** The timestamp of the record at {@code offset} (or the first after it that still exists), or null. */
    private Instant timestampAt(TopicPartition tp, long offset) {
        try {
            reader.assign(List.of(tp));
            reader.seek(tp, offset);
            // By index, not by iterating: the tracing agent makes each iterated record's span current until the
            // next step of the iteration, so leaving the loop early would leave that span open on this thread.
            List<ConsumerRecord<byte[], byte[]>> found = reader.poll(FETCH).records(tp);
            return found.isEmpty() ? null : Instant.ofEpochMilli(found.get(0).timestamp());
        } catch (KafkaException e) {
            // The offset lag stands without its time; the next reading tries again.
            return null;
        }
    }

    private static <T> T get(KafkaFuture<T> future) {
        try {
            return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the consumer groups", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot read the consumer groups: " + e, e);
        }
    }
}
