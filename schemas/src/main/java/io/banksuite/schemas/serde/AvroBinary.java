package io.banksuite.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/** Plain Avro binary encoding (no framing) of generated and generic records. */
public final class AvroBinary {

    private AvroBinary() {
    }

    public static byte[] encode(GenericContainer record) {
        Schema schema = record.getSchema();
        GenericDatumWriter<Object> writer = record instanceof SpecificRecord
                ? new SpecificDatumWriter<>(schema, SpecificData.getForSchema(schema))
                : new GenericDatumWriter<>(schema, GenericData.get());
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        try {
            writer.write(record, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot encode " + schema.getFullName(), e);
        }
        return out.toByteArray();
    }

    /** Reads with the generated class of the writer's record name when {@code specific}, else as generic data. */
    public static DatumReader<Object> reader(Schema writerSchema, boolean specific) {
        if (!specific) {
            return new GenericDatumReader<>(writerSchema, writerSchema, GenericData.get());
        }
        SpecificData model = SpecificData.getForSchema(writerSchema);
        Class<?> generated = model.getClass(writerSchema);
        if (generated == null || !SpecificRecord.class.isAssignableFrom(generated)) {
            throw new IllegalStateException("No generated class for " + writerSchema.getFullName()
                    + " on the classpath; set specific.avro.reader=false to read it as generic data");
        }
        Schema readerSchema = model.getSchema(generated);
        return new SpecificDatumReader<>(writerSchema, readerSchema, SpecificData.getForSchema(readerSchema));
    }

    public static Object decode(DatumReader<Object> reader, byte[] bytes, int offset, int length) {
        try {
            return reader.read(null, DecoderFactory.get().binaryDecoder(bytes, offset, length, null));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("Cannot decode Avro binary: " + e.getMessage(), e);
        }
    }
}
