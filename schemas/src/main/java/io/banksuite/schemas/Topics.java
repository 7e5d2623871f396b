package io.banksuite.schemas;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.banksuite.events.ClientDailySpend;
import io.banksuite.events.ClientUpdated;
import io.banksuite.events.LimitChanged;
import io.banksuite.events.TransactionCreated;
import io.banksuite.schemas.serde.SubjectNameStrategy;
import org.apache.avro.Schema;

/**
 * Every Kafka topic of the suite, with its key type, the event types it carries and their value schemas, its
 * partitions, and the rule that names the dead-letter topic of each consumer group: the one place that names them.
 * Names are also compile-time constants, for annotations ({@code @EmbeddedKafka}, {@code @KafkaListener}).
 *
 * <p>The layout: every event about a client, whatever its type, goes to one topic, {@link #CLIENT_EVENTS}, keyed by
 * client id. One key means one partition, and one partition is read in order, so a consumer sees a client's limit
 * change and the client's later transactions in the order they were written. A topic per event type would lose
 * that order between types. Each event type keeps a schema of its own, registered under
 * {@code <topic>-<record full name>} (Confluent's TopicRecordNameStrategy), so each evolves on its own.
 */
public final class Topics {

    /** The name of {@link #CLIENT_EVENTS}. */
    public static final String CLIENT_EVENTS_NAME = "client.events";

    /**
     * Partitions of the event topics. One client's events share a partition (key = client id), so this bounds the
     * consumer threads of one group that can do work; raising it later moves clients to other partitions.
     */
    public static final int EVENT_PARTITIONS = 6;

    /** A client created a transaction: {@link TransactionCreated}. */
    public static final EventType TRANSACTION_CREATED = new EventType("transaction.created",
            TransactionCreated.getClassSchema());

    /** A client's profile was created or changed: {@link ClientUpdated}. */
    public static final EventType CLIENT_UPDATED = new EventType("client.updated", ClientUpdated.getClassSchema());

    /** A client's spend so far on one day in one currency, after one more transaction: {@link ClientDailySpend}. */
    public static final EventType DAILY_SPEND = new EventType("client.daily-spend",
            ClientDailySpend.getClassSchema());

    /** A client's limits were set or changed: {@link LimitChanged}. */
    public static final EventType LIMIT_CHANGED = new EventType("limit.changed", LimitChanged.getClassSchema());

    /**
     * Every event about a client, in the order it happened. Key: client id (String); value: one of the event types'
     * Avro records, subjects named by TopicRecordNameStrategy.
     */
    public static final Topic CLIENT_EVENTS = new Topic(CLIENT_EVENTS_NAME, String.class,
            List.of(TRANSACTION_CREATED, CLIENT_UPDATED, LIMIT_CHANGED), SubjectNameStrategy.TOPIC_RECORD_NAME,
            EVENT_PARTITIONS);

    /** The name of {@link #CLIENT_DAILY_SPEND}. */
    public static final String CLIENT_DAILY_SPEND_NAME = "client.daily-spend";

    /**
     * Each client's running spend per UTC day and currency, one record per {@link #TRANSACTION_CREATED}, written
     * exactly once by ml-service's daily-spend stream (a Kafka transaction holds the output records and the input
     * offsets; read it with {@code isolation.level=read_committed}). Key: client id (String), so it has the
     * partitions of {@link #CLIENT_EVENTS} and a client's records keep their order; value: {@link ClientDailySpend}.
     */
    public static final Topic CLIENT_DAILY_SPEND = new Topic(CLIENT_DAILY_SPEND_NAME, String.class,
            List.of(DAILY_SPEND), SubjectNameStrategy.TOPIC_RECORD_NAME, EVENT_PARTITIONS);

    private Topics() {
    }

    /** Every topic of the suite, dead-letter topics aside (each consumer group has its own, see {@link DeadLetters}). */
    public static List<Topic> all() {
        return List.of(CLIENT_EVENTS, CLIENT_DAILY_SPEND);
    }

    /** The dead-letter topic where a consumer group parks the records of a topic it cannot process. */
    public static String deadLetterTopic(String topic, String consumerGroup) {
        return DeadLetters.topic(topic, consumerGroup);
    }

    /**
     * A kind of event: its name (also the value of the {@code event_type} header, {@link MessageHeaders#EVENT_TYPE})
     * and its Avro schema.
     */
    public record EventType(String name, Schema schema) {

        public EventType {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(schema, "schema");
        }
    }

    /**
     * A topic with its key type, event types, subject naming and partition count.
     *
     * @param name                the Kafka topic name
     * @param keyType             the Java type of the record key (serialized as a UTF-8 string)
     * @param eventTypes          the event types whose records it carries
     * @param valueSubjects       how the value schemas' registry subjects are named; what producers and the relay
     *                            must be configured with ({@code value.subject.name.strategy})
     * @param partitions          the partitions it is created with
     */
    public record Topic(String name, Class<?> keyType, List<EventType> eventTypes, SubjectNameStrategy valueSubjects,
                        int partitions) {

        public Topic {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(keyType, "keyType");
            Objects.requireNonNull(valueSubjects, "valueSubjects");
            eventTypes = List.copyOf(eventTypes);
            if (eventTypes.isEmpty()) {
                throw new IllegalArgumentException("A topic carries at least one event type: " + name);
            }
            if (eventTypes.size() > 1 && valueSubjects == SubjectNameStrategy.TOPIC_NAME) {
                throw new IllegalArgumentException("Topic " + name + " carries several event types, so its subjects"
                        + " cannot be named by TopicNameStrategy (one schema per topic)");
            }
            if (partitions < 1) {
                throw new IllegalArgumentException("A topic needs at least one partition: " + name);
            }
        }

        /** The registry subject of an event type's value schema on this topic. */
        public String valueSubject(EventType type) {
            if (!eventTypes.contains(type)) {
                throw new IllegalArgumentException("Topic " + name + " does not carry " + type.name());
            }
            return valueSubjects.subject(name, false, type.schema());
        }

        /** The dead-letter topic where the given consumer group parks records it cannot process. */
        public String deadLetterTopic(String consumerGroup) {
            return DeadLetters.topic(name, consumerGroup);
        }

        /** The event type whose records have this Avro record name (any version of its schema), if this topic has it. */
        public Optional<EventType> eventTypeOf(String recordFullName) {
            return eventTypes.stream().filter(type -> type.schema().getFullName().equals(recordFullName)).findFirst();
        }
    }

    /**
     * The dead-letter rule: each consumer group parks the records of a topic that it cannot process in a topic of
     * its own, {@code <topic>.<group>.dlt}, with the record's original key (so its partition follows the key), and
     * records how far an operator has replayed them as the committed offset of the group
     * {@code <group>.dlt-replay}.
     */
    public static final class DeadLetters {

        /** Partitions of a dead-letter topic: parking is rare, and the key keeps one client's records in order. */
        public static final int PARTITIONS = 1;

        private DeadLetters() {
        }

        public static String topic(String topic, String consumerGroup) {
            requireText(topic, "topic");
            requireText(consumerGroup, "consumer group");
            return topic + "." + consumerGroup + ".dlt";
        }

        public static String replayGroup(String consumerGroup) {
            requireText(consumerGroup, "consumer group");
            return consumerGroup + ".dlt-replay";
        }

        private static void requireText(String value, String what) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("A dead-letter topic needs a " + what + ", got '" + value + "'");
            }
        }
    }
}
