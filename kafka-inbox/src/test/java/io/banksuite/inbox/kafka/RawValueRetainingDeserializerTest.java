package io.banksuite.inbox.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

class RawValueRetainingDeserializerTest {

    @Test
    void keepsTheRawBytesInAHeaderAndDelegates() {
        var headers = new RecordHeaders();
        byte[] data = "hello".getBytes(StandardCharsets.UTF_8);

        String value = new RawValueRetainingDeserializer<>(new StringDeserializer()).deserialize("t", headers, data);

        assertThat(value).isEqualTo("hello");
        assertThat(headers.headers(RawValueRetainingDeserializer.RAW_VALUE_HEADER)).hasSize(1);
        assertThat(headers.lastHeader(RawValueRetainingDeserializer.RAW_VALUE_HEADER).value()).isEqualTo(data);
    }

    @Test
    void keepsTheBytesEvenWhenTheDelegateFails() {
        var headers = new RecordHeaders();
        Deserializer<Object> failing = (topic, bytes) -> {
            throw new SerializationException("not avro");
        };

        assertThatThrownBy(() -> new RawValueRetainingDeserializer<>(failing).deserialize("t", headers, new byte[]{1}))
                .isInstanceOf(SerializationException.class);
        assertThat(headers.lastHeader(RawValueRetainingDeserializer.RAW_VALUE_HEADER).value()).containsExactly(1);
    }

    @Test
    void aTombstoneHasNoRawValue() {
        var headers = new RecordHeaders();
        headers.add(RawValueRetainingDeserializer.RAW_VALUE_HEADER, new byte[]{9});

        new RawValueRetainingDeserializer<>(new StringDeserializer()).deserialize("t", headers, (byte[]) null);

        assertThat(headers.lastHeader(RawValueRetainingDeserializer.RAW_VALUE_HEADER)).isNull();
    }
}
