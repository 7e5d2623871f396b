package io.banksuite.schemas;

import io.banksuite.events.TransactionCreated;
import io.banksuite.schemas.serde.SchemaIds;
import org.apache.avro.Schema;

/**
 * Every topic of the suite, with its key type and value schema: the one place that names them.
 */
public final class Topics {

    /** A client created a transaction. Key: client id (String); value: {@link TransactionCreated} (Avro). */
    public static final Topic TRANSACTION_CREATED =
            new Topic("transaction.created", String.class, TransactionCreated.getClassSchema());

    private Topics() {
    }

    /** The dead-letter topic where a consumer group parks the records of a topic it cannot process. */
    public static String deadLetterTopic(String topic, String consumerGroup) {
        return topic + "." + consumerGroup + ".dlt";
    }

    /** Every topic of the suite. */
    public static java.util.List<Topic> all() {
        return java.util.List.of(TRANSACTION_CREATED);
    }

    /**
     * A topic with its key type and value schema.
     *
     * @param name        the Kafka topic name
     * @param keyType     the Java type of the record key (serialized as a UTF-8 string)
     * @param valueSchema the Avro schema of the value, registered under {@link #valueSubject()}
     */
    public record Topic(String name, Class<?> keyType, Schema valueSchema) {

        /** The registry subject of the value under the default TopicNameStrategy. */
        public String valueSubject() {
            return SchemaIds.subject(name, false);
        }

        /** The dead-letter topic where the given consumer group parks records it cannot process. */
        public String deadLetterTopic(String consumerGroup) {
            return Topics.deadLetterTopic(name, consumerGroup);
        }
    }
}
