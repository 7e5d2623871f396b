package io.banksuite.inbox.replay;

import java.util.function.Function;

import io.banksuite.inbox.RecordDiagnostics;
import io.banksuite.schemas.serde.ConfluentAvroDeserializer;
import io.banksuite.schemas.serde.RestSchemaRegistryClient;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the event id of a parked value in the suite's wire format, as generic Avro (any event type, any schema
 * version), for the listing only. A value that is not readable (poison, registry down) has no event id; the
 * listing must still show it.
 */
public final class AvroEventIds implements Function<byte @Nullable [], @Nullable String> {

    private static final Logger log = LoggerFactory.getLogger(AvroEventIds.class);

    private final ConfluentAvroDeserializer deserializer;

    public AvroEventIds(String registryUrl) {
        this.deserializer = new ConfluentAvroDeserializer(new RestSchemaRegistryClient(registryUrl), false);
    }

    @Override
    public @Nullable String apply(byte @Nullable [] value) {
        if (value == null) {
            return null;
        }
        try {
            return RecordDiagnostics.eventIdOf(deserializer.deserialize(null, value));
        } catch (RuntimeException unreadable) {
            log.debug("No event id in a parked value: {}", unreadable.toString());
            return null;
        }
    }
}
