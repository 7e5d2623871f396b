package io.banksuite.schemas.serde;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The Confluent wire format: magic byte 0, the schema id as a 4-byte big-endian int, then the Avro binary encoding.
 */
public final class WireFormat {

    public static final byte MAGIC_BYTE = 0x0;
    public static final int HEADER_LENGTH = 5;

    private WireFormat() {
    }

    public static byte[] frame(int schemaId, byte[] avroBinary) {
        return ByteBuffer.allocate(HEADER_LENGTH + avroBinary.length)
                .put(MAGIC_BYTE)
                .putInt(schemaId)
                .put(avroBinary)
                .array();
    }

    /** The schema id of a framed message; fails on anything that is not in the wire format. */
    public static int schemaId(byte[] framed) {
        if (framed == null || framed.length < HEADER_LENGTH) {
            throw new SerializationException("Not Confluent Avro: " + (framed == null ? "null" : framed.length + " bytes")
                    + ", shorter than the " + HEADER_LENGTH + "-byte header");
        }
        if (framed[0] != MAGIC_BYTE) {
            throw new SerializationException("Not Confluent Avro: unknown magic byte " + framed[0]);
        }
        return ByteBuffer.wrap(framed, 1, 4).getInt();
    }
}
