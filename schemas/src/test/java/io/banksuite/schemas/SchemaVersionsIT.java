package io.banksuite.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.UUID;

import io.banksuite.events.TransactionCreated;
import io.banksuite.local.SchemaRegistryServer;
import io.banksuite.schemas.serde.AvroBinary;
import io.banksuite.schemas.serde.AvroSerdeConfig;
import io.banksuite.schemas.serde.ConfluentAvroDeserializer;
import io.banksuite.schemas.serde.ConfluentAvroSerializer;
import io.banksuite.schemas.serde.RestSchemaRegistryClient;
import io.banksuite.schemas.serde.WireFormat;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * TransactionCreated's evolution from v1 to v2 (the optional {@code cardId}) through a real schema registry, as on
 * the client stream: the subject of the event type under TopicRecordNameStrategy, with the registry's BACKWARD rule.
 * A consumer still on v1 reads what v2 producers write, and a v2 consumer reads what v1 producers wrote.
 */
class SchemaVersionsIT {

    private static final String HISTORY = "/schema-history/client.events-io.banksuite.events.TransactionCreated/";

    private final String url = SchemaRegistryServer.shared().url();
    private final RestSchemaRegistryClient registry = new RestSchemaRegistryClient(url);
    private final String topic = "it-evolution-" + UUID.randomUUID();
    private final String subject = Topics.CLIENT_EVENTS.valueSubjects().subject(topic, false,
            TransactionCreated.getClassSchema());
    private final Schema v1 = history("v1.avsc");
    private final Schema v2 = history("v2.avsc");

    @BeforeEach
    void subjectAtVersion1UnderBackward() {
        registry.register(subject, v1);
        registry.setCompatibility(subject, "BACKWARD");
    }

    @Test
    void version2IsTheGeneratedClassAndTheRegistryAcceptsItAsBackwardCompatible() {
        assertThat(parsingForm(v2)).isEqualTo(parsingForm(TransactionCreated.getClassSchema()));
        assertThat(v1.getField("cardId")).isNull();

        assertThat(registry.testCompatibility(subject, v2)).isTrue();
        int v2Id = registry.register(subject, v2);

        assertThat(registry.latest(subject).id()).isEqualTo(v2Id);
        assertThat(registry.latest(subject).version()).isEqualTo(2);
    }

    @Test
    void aConsumerOnVersion1ReadsWhatVersion2Writes() throws IOException {
        TransactionCreated written = TransactionCreated.newBuilder(TestEvents.transactionCreated("c-1", 42_00))
                .setCardId("card-0042").build();

        byte[] framed = serializer().serialize(topic, written);

        Schema writer = registry.getById(WireFormat.schemaId(framed));
        assertThat(parsingForm(writer)).isEqualTo(parsingForm(v2));
        GenericRecord read = new GenericDatumReader<GenericRecord>(writer, v1).read(null, DecoderFactory.get()
                .binaryDecoder(framed, WireFormat.HEADER_LENGTH, framed.length - WireFormat.HEADER_LENGTH, null));
        assertThat(read.getSchema()).isEqualTo(v1);
        assertThat(read.get("eventId").toString()).isEqualTo(written.getEventId());
        assertThat(read.get("amountMinor")).isEqualTo(42_00L);
        assertThat(read.get("channel").toString()).isEqualTo("WEB");
        assertThat(read.hasField("cardId")).isFalse();
    }

    @Test
    void aConsumerOnVersion2ReadsWhatVersion1WroteWithNoCard() throws IOException {
        TransactionCreated current = TestEvents.transactionCreated("c-2", 7_00);
        // The same event as a v1 producer holds it: a generic record of the v1 schema.
        byte[] binary = AvroBinary.encode(current);
        GenericRecord old = new GenericDatumReader<GenericRecord>(v2, v1)
                .read(null, DecoderFactory.get().binaryDecoder(binary, null));
        assertThat(old.getSchema()).isEqualTo(v1);

        byte[] framed = serializer().serialize(topic, old);

        assertThat(parsingForm(registry.getById(WireFormat.schemaId(framed)))).isEqualTo(parsingForm(v1));
        Object read = new ConfluentAvroDeserializer(registry, true).deserialize(topic, framed);
        assertThat(read).isInstanceOf(TransactionCreated.class);
        TransactionCreated event = (TransactionCreated) read;
        assertThat(event.getCardId()).isNull();
        assertThat(event.getEventId()).isEqualTo(current.getEventId());
        assertThat(event.getAmountMinor()).isEqualTo(7_00L);
        assertThat(event.getOccurredAt()).isEqualTo(current.getOccurredAt());
    }

    /** What a schema means to a reader (no docs or Java properties). */
    private static String parsingForm(Schema schema) {
        return SchemaNormalization.toParsingForm(schema);
    }

    private ConfluentAvroSerializer serializer() {
        ConfluentAvroSerializer serializer = new ConfluentAvroSerializer();
        serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url,
                AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, Topics.CLIENT_EVENTS.valueSubjects().confluentClassName()),
                false);
        return serializer;
    }

    private static Schema history(String file) {
        try (InputStream in = SchemaVersionsIT.class.getResourceAsStream(HISTORY + file)) {
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + HISTORY + file, e);
        }
    }
}
