package io.banksuite.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class WireFormatTest {

    @Test
    void framesWithMagicByteAndBigEndianSchemaId() {
        byte[] framed = WireFormat.frame(0x01020304, new byte[] {7, 8});

        assertThat(framed).containsExactly(0, 1, 2, 3, 4, 7, 8);
        assertThat(WireFormat.schemaId(framed)).isEqualTo(0x01020304);
    }

    @Test
    void rejectsAnUnknownMagicByte() {
        assertThatThrownBy(() -> WireFormat.schemaId(new byte[] {1, 0, 0, 0, 1, 2}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("magic byte 1");
    }

    @Test
    void rejectsMessagesShorterThanTheHeader() {
        assertThatThrownBy(() -> WireFormat.schemaId(new byte[] {0, 0, 0}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("3 bytes");
    }
}
