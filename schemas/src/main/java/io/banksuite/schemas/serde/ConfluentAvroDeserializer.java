package io.banksuite.schemas.serde;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.io.DatumReader;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Deserializes the Confluent wire format: fetches the writer's schema by id from the registry and reads the record
 * as the generated class ({@code specific.avro.reader=true}) or as generic data. Schema evolution is resolved by
 * Avro: the writer's schema against the generated class's schema.
 */
public class ConfluentAvroDeserializer implements Deserializer<Object> {

    private final Map<Integer, DatumReader<Object>> readers = new ConcurrentHashMap<>();
    private SchemaRegistryClient registry;
    private boolean specific;

    public ConfluentAvroDeserializer() {
    }

    public ConfluentAvroDeserializer(SchemaRegistryClient registry, boolean specific) {
        this.registry = registry;
        this.specific = specific;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        AvroSerdeConfig config = AvroSerdeConfig.from(configs);
        this.registry = new RestSchemaRegistryClient(config.schemaRegistryUrl());
        this.specific = config.specificAvroReader();
    }

    @Override
    public Object deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        int schemaId = WireFormat.schemaId(data);
        try {
            DatumReader<Object> reader = readers.computeIfAbsent(schemaId,
                    id -> AvroBinary.reader(registry.getById(id), specific));
            return AvroBinary.decode(reader, data, WireFormat.HEADER_LENGTH, data.length - WireFormat.HEADER_LENGTH);
        } catch (RuntimeException e) {
            throw new SerializationException("Cannot deserialize a record of topic " + topic + " with schema id "
                    + schemaId + ": " + e.getMessage(), e);
        }
    }
}
