package io.banksuite.schemas.serde;

import java.util.Map;
import org.apache.avro.generic.GenericContainer;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serializes Avro records (generated or generic) to the Confluent wire format, registering or looking up the schema
 * under the subject its {@link SubjectNameStrategy} names ({@code <topic>-value} by default), as Confluent's
 * {@code KafkaAvroSerializer} does. Configured with Confluent's property names, see {@link AvroSerdeConfig}.
 */
public class ConfluentAvroSerializer implements Serializer<Object> {

    private SchemaIds schemaIds;
    private SubjectNameStrategy subjects = SubjectNameStrategy.TOPIC_NAME;
    private boolean isKey;

    public ConfluentAvroSerializer() {
    }

    /** For callers that build the serializer themselves and share one registry client. */
    public ConfluentAvroSerializer(SchemaRegistryClient registry, AvroSerdeConfig config, boolean isKey) {
        this.schemaIds = new SchemaIds(registry, config);
        this.subjects = config.subjectNameStrategy(isKey);
        this.isKey = isKey;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        AvroSerdeConfig config = AvroSerdeConfig.from(configs);
        this.schemaIds = new SchemaIds(new RestSchemaRegistryClient(config.schemaRegistryUrl()), config);
        this.subjects = config.subjectNameStrategy(isKey);
        this.isKey = isKey;
    }

    @Override
    public byte[] serialize(String topic, Object data) {
        if (data == null) {
            return null;
        }
        if (!(data instanceof GenericContainer record)) {
            throw new SerializationException("Cannot serialize " + data.getClass().getName()
                    + ": only Avro records (generated or generic) are supported");
        }
        String subject;
        try {
            subject = subjects.subject(topic, isKey, record.getSchema());
        } catch (IllegalArgumentException e) {
            throw new SerializationException("Cannot name the subject of " + record.getSchema().getFullName()
                    + " on " + topic + ": " + e.getMessage(), e);
        }
        try {
            return WireFormat.frame(schemaIds.idFor(subject, record.getSchema()), AvroBinary.encode(record));
        } catch (RuntimeException e) {
            throw new SerializationException("Cannot serialize " + record.getSchema().getFullName() + " for subject "
                    + subject + ": " + e.getMessage(), e);
        }
    }
}
