package io.banksuite.inbox.kafka;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Objects;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.utils.Utils;

/**
 * Keeps the value's bytes, exactly as they were on the topic, in a header of the consumed record while its
 * delegate deserializes them. If the record later fails in the listener, the dead-letter recoverer parks those
 * bytes rather than a re-serialization of the object (which would need the registry, and might change the schema
 * id), so an operator can replay the very record that failed. The header never leaves the consumer: the recoverer
 * removes it from the dead-letter record. It references the array the consumer already made; nothing is copied.
 */
public class RawValueRetainingDeserializer<T> implements Deserializer<T> {

    /** Header holding the raw value of a consumed record (consumer side only). */
    public static final String RAW_VALUE_HEADER = "banksuite_inbox_raw_value";

    private final Deserializer<T> delegate;

    public RawValueRetainingDeserializer(Deserializer<T> delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        delegate.configure(configs, isKey);
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        return delegate.deserialize(topic, data);
    }

    @Override
    public T deserialize(String topic, Headers headers, byte[] data) {
        headers.remove(RAW_VALUE_HEADER);
        if (data != null) {
            headers.add(RAW_VALUE_HEADER, data);
        }
        return delegate.deserialize(topic, headers, data);
    }

    @Override
    public T deserialize(String topic, Headers headers, ByteBuffer data) {
        return deserialize(topic, headers, Utils.toNullableArray(data));
    }

    @Override
    public void close() {
        delegate.close();
    }
}
