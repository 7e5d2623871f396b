package io.banksuite.schemas;

import java.util.List;
import java.util.Objects;

import io.banksuite.events.TransactionCreated;
import io.banksuite.schemas.serde.SchemaIds;
import org.apache.avro.Schema;

/**
 * Every Kafka topic of the suite, with its key type, value schema and partitions, and the rule that names the
 * dead-letter topic of each consumer group: the one place that names them. Names are also compile-time constants,
 * for annotations ({@code @EmbeddedKafka}, {@code @KafkaListener}).
 */
public final class Topics {

    /** The name of {@link #TRANSACTION_CREATED}. */
    public static final String TRANSACTION_CREATED_NAME = "transaction.created";

    /**
     * Partitions of the event topics. One client's events share a partition (key = client id), so this bounds the
     * consumer threads of one group that can do work; raising it later moves clients to other partitions.
     */
    public static final int EVENT_PARTITIONS = 6;

    /** A client created a transaction. Key: client id (String); value: {@link TransactionCreated} (Avro). */
    public static final Topic TRANSACTION_CREATED = new Topic(TRANSACTION_CREATED_NAME, String.class,
            TransactionCreated.getClassSchema(), EVENT_PARTITIONS);

    private Topics() {
    }

    /** Every topic of the suite, dead-letter topics aside (each consumer group has its own, see {@link DeadLetters}). */
    public static List<Topic> all() {
        return List.of(TRANSACTION_CREATED);
    }

    /** The dead-letter topic where a consumer group parks the records of a topic it cannot process. */
    public static String deadLetterTopic(String topic, String consumerGroup) {
        return DeadLetters.topic(topic, consumerGroup);
    }

    /**
     * A topic with its key type, value schema and partition count.
     *
     * @param name        the Kafka topic name
     * @param keyType     the Java type of the record key (serialized as a UTF-8 string)
     * @param valueSchema the Avro schema of the value, registered under {@link #valueSubject()}
     * @param partitions  the partitions it is created with
     */
    public record Topic(String name, Class<?> keyType, Schema valueSchema, int partitions) {

        public Topic {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(keyType, "keyType");
            Objects.requireNonNull(valueSchema, "valueSchema");
            if (partitions < 1) {
                throw new IllegalArgumentException("A topic needs at least one partition: " + name);
            }
        }

        /** The registry subject of the value under the default TopicNameStrategy. */
        public String valueSubject() {
            return SchemaIds.subject(name, false);
        }

        /** The dead-letter topic where the given consumer group parks records it cannot process. */
        public String deadLetterTopic(String consumerGroup) {
            return DeadLetters.topic(name, consumerGroup);
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
