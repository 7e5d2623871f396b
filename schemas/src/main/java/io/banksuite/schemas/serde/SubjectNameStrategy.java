package io.banksuite.schemas.serde;

import java.util.Arrays;
import java.util.Locale;

import org.apache.avro.Schema;

/**
 * How a schema's registry subject is named, as Confluent's serializers do, configured with Confluent's own
 * properties ({@code key.subject.name.strategy}, {@code value.subject.name.strategy}) and class names, so that a
 * configuration works unchanged with Confluent's {@code KafkaAvroSerializer}.
 */
public enum SubjectNameStrategy {

    /** {@code <topic>-value}: one schema (and its versions) per topic. Confluent's default. */
    TOPIC_NAME("io.confluent.kafka.serializers.subject.TopicNameStrategy"),

    /**
     * {@code <topic>-<record full name>}: several record types on one topic, each evolving on its own, while the
     * registry still ties each to its topic.
     */
    TOPIC_RECORD_NAME("io.confluent.kafka.serializers.subject.TopicRecordNameStrategy"),

    /** {@code <record full name>}: one record type evolves as one, whatever topics carry it. */
    RECORD_NAME("io.confluent.kafka.serializers.subject.RecordNameStrategy");

    private final String confluentClassName;

    SubjectNameStrategy(String confluentClassName) {
        this.confluentClassName = confluentClassName;
    }

    /** Confluent's class that names subjects this way: the value of the {@code *.subject.name.strategy} keys. */
    public String confluentClassName() {
        return confluentClassName;
    }

    public String subject(String topic, boolean isKey, Schema schema) {
        return switch (this) {
            case TOPIC_NAME -> topic + (isKey ? "-key" : "-value");
            case TOPIC_RECORD_NAME -> topic + "-" + recordName(schema);
            case RECORD_NAME -> recordName(schema);
        };
    }

    /**
     * The strategy for a configuration value: Confluent's class name, its simple name ({@code TopicRecordNameStrategy})
     * or this enum's name.
     *
     * @throws IllegalArgumentException for anything else (a custom strategy class is not supported)
     */
    public static SubjectNameStrategy of(String value) {
        String text = value.trim();
        return Arrays.stream(values())
                .filter(s -> s.confluentClassName.equals(text)
                        || s.confluentClassName.endsWith("." + text)
                        || s.name().equals(text.toUpperCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown subject name strategy \"" + value
                        + "\"; one of " + Arrays.stream(values()).map(SubjectNameStrategy::confluentClassName).toList()));
    }

    private String recordName(Schema schema) {
        if (schema.getType() != Schema.Type.RECORD) {
            throw new IllegalArgumentException(name() + " names subjects after a record, but the schema is a "
                    + schema.getType());
        }
        return schema.getFullName();
    }
}
