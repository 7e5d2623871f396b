package io.banksuite.inbox.testing;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.springframework.kafka.listener.MessageListenerContainer;

/** The state of a consumer group, seen from outside through the Admin API, and moving it. */
public final class ConsumerGroups {

    private final Admin admin;

    public ConsumerGroups(Admin admin) {
        this.admin = admin;
    }

    /**
     * Waits until {@code group} has committed, on every partition of {@code topic}, the log-end offset: everything
     * on the topic has been processed and, since offsets are committed after the database, is in the database.
     */
    public void awaitCaughtUp(String group, String topic, Duration timeout) {
        Awaitility.await(group + " caught up on " + topic).atMost(timeout).pollInterval(Duration.ofMillis(200))
                .until(() -> lag(group, topic) == 0);
    }

    /** Records of {@code topic} not yet committed by {@code group} (a partition without commit counts whole). */
    public long lag(String group, String topic) {
        Map<TopicPartition, Long> end = endOffsets(topic);
        Map<TopicPartition, OffsetAndMetadata> committed = committed(group);
        return end.entrySet().stream()
                .mapToLong(e -> {
                    OffsetAndMetadata c = committed.get(e.getKey());
                    return e.getValue() - (c == null ? 0 : c.offset());
                })
                .sum();
    }

    /**
     * Rewinds {@code group} to the start of {@code topic}, as an operator would to replay it: stops the listener
     * container (a group with live members cannot be moved), sets every partition's committed offset to 0, and
     * starts the container again.
     */
    public void rewindToStart(MessageListenerContainer container, String group, String topic) {
        container.stop();
        Awaitility.await("container stopped").atMost(Duration.ofSeconds(60)).until(() -> !container.isRunning());
        Map<TopicPartition, OffsetAndMetadata> start = endOffsets(topic).keySet().stream()
                .collect(Collectors.toMap(tp -> tp, tp -> new OffsetAndMetadata(0)));
        // The broker may still count the stopped consumers as members for a moment.
        Awaitility.await("offsets of " + group + " reset").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> {
                    admin.alterConsumerGroupOffsets(group, start).all().get(10, TimeUnit.SECONDS);
                    return true;
                });
        container.start();
    }

    /**
     * Moves {@code group} to the end of {@code topic}, skipping every record on it; the group must have no live
     * members. For a dead-letter topic's replay group: what an operator does to give up on what is parked.
     */
    public void moveToEnd(String group, String topic) {
        Map<TopicPartition, OffsetAndMetadata> end = endOffsets(topic).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue())));
        try {
            admin.alterConsumerGroupOffsets(group, end).all().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot move " + group + " to the end of " + topic, e);
        }
    }

    public Map<TopicPartition, OffsetAndMetadata> committed(String group) {
        try {
            Map<TopicPartition, OffsetAndMetadata> result = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetAndMetadata> nonNull = new HashMap<>();
            result.forEach((tp, o) -> {
                if (o != null) {
                    nonNull.put(tp, o);
                }
            });
            return nonNull;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the offsets of " + group, e);
        }
    }

    public Map<TopicPartition, Long> endOffsets(String topic) {
        try {
            var partitions = admin.describeTopics(java.util.List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(topic).partitions();
            Map<TopicPartition, OffsetSpec> request = partitions.stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets =
                    admin.listOffsets(request).all().get(10, TimeUnit.SECONDS);
            return offsets.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Cannot read the end offsets of " + topic, e);
        }
    }
}
