package io.banksuite.schemas.serde;

import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericContainer;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serializes Avro records (generated or generic) to the Confluent wire format, registering or looking up the schema
 * under the subject {@code <topic>-value} (or {@code -key}), as Confluent's {@code KafkaAvroSerializer} does with
 * its default TopicNameStrategy. Configured with Confluent's property names, see {@link AvroSerdeConfig}.
 */
public class ConfluentAvroSerializer implements Serializer<Object> {

    private SchemaRegistryClient registry;
    private AvroSerdeConfig config;
    private boolean isKey;

    public ConfluentAvroSerializer() {
    }

    /** For callers that build the serializer themselves and share one registry client. */
    public ConfluentAvroSerializer(SchemaRegistryClient registry, AvroSerdeConfig config, boolean isKey) {
        this.registry = registry;
        this.config = config;
        this.isKey = isKey;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.config = AvroSerdeConfig.from(configs);
        this.registry = new RestSchemaRegistryClient(config.schemaRegistryUrl());
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
        String subject = topic + (isKey ? "-key" : "-value");
        try {
            return WireFormat.frame(schemaId(subject, record.getSchema()), AvroBinary.encode(record));
        } catch (RuntimeException e) {
            throw new SerializationException("Cannot serialize " + record.getSchema().getFullName() + " for subject "
                    + subject + ": " + e.getMessage(), e);
        }
    }

    private int schemaId(String subject, Schema schema) {
        if (config.autoRegisterSchemas()) {
            return registry.register(subject, schema);
        }
        if (config.useLatestVersion()) {
            SchemaRegistryClient.RegisteredSchema latest = registry.latest(subject);
            // The record is written with its own schema, so the latest must be that very schema.
            if (SchemaNormalization.parsingFingerprint64(latest.schema()) != SchemaNormalization.parsingFingerprint64(schema)) {
                throw new SerializationException("The latest schema of " + subject + " (id " + latest.id()
                        + ") is not the schema of the record " + schema.getFullName());
            }
            return latest.id();
        }
        return registry.lookup(subject, schema);
    }
}
