package io.banksuite.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.banksuite.schemas.Topics;
import io.banksuite.events.ClientStatus;
import io.banksuite.events.ClientUpdated;
import io.banksuite.events.LimitChanged;
import io.banksuite.events.TransactionCreated;
import io.banksuite.schemas.TestEvents;
import java.util.Arrays;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class ConfluentAvroSerdeTest {

    private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    private final ConfluentAvroSerializer serializer = new ConfluentAvroSerializer(registry,
            new AvroSerdeConfig("mem://", true, false, false), false);

    @Test
    void writesTheConfluentFrameAroundThePlainAvroBinary() {
        TransactionCreated event = TestEvents.transactionCreated("c-1", 12_550);

        byte[] framed = serializer.serialize(Topics.CLIENT_EVENTS_NAME, event);

        int id = registry.lookup("client.events-value", TransactionCreated.getClassSchema());
        assertThat(framed[0]).isEqualTo(WireFormat.MAGIC_BYTE);
        assertThat(WireFormat.schemaId(framed)).isEqualTo(id);
        assertThat(Arrays.copyOfRange(framed, WireFormat.HEADER_LENGTH, framed.length))
                .isEqualTo(AvroBinary.encode(event));
    }

    @Test
    void readsBackTheGeneratedClassWhenSpecificReaderIsOn() {
        TransactionCreated event = TestEvents.transactionCreated("c-2", 1);

        Object read = new ConfluentAvroDeserializer(registry, true)
                .deserialize(Topics.CLIENT_EVENTS_NAME, serializer.serialize(Topics.CLIENT_EVENTS_NAME, event));

        assertThat(read).isInstanceOf(TransactionCreated.class).isEqualTo(event);
    }

    @Test
    void readsGenericDataWhenSpecificReaderIsOff() {
        TransactionCreated event = TestEvents.transactionCreated("c-3", 99);

        Object read = new ConfluentAvroDeserializer(registry, false)
                .deserialize(Topics.CLIENT_EVENTS_NAME, serializer.serialize(Topics.CLIENT_EVENTS_NAME, event));

        assertThat(read).isInstanceOf(GenericRecord.class).isNotInstanceOf(TransactionCreated.class);
        assertThat(((GenericRecord) read).get("clientId").toString()).isEqualTo("c-3");
        assertThat(((GenericRecord) read).get("amountMinor")).isEqualTo(99L);
    }

    @Test
    void refusesToGuessWhenTheSchemaIsNotRegisteredAndAutoRegisterIsOff() {
        ConfluentAvroSerializer strict = new ConfluentAvroSerializer(registry,
                new AvroSerdeConfig("mem://", false, false, false), false);

        assertThatThrownBy(() -> strict.serialize("other.topic", TestEvents.transactionCreated("c-4", 5)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("other.topic-value");
    }

    @Test
    void rejectsBytesThatAreNotInTheWireFormat() {
        ConfluentAvroDeserializer deserializer = new ConfluentAvroDeserializer(registry, true);

        assertThatThrownBy(() -> deserializer.deserialize(Topics.CLIENT_EVENTS_NAME, "not avro".getBytes()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("magic byte");
    }

    @Test
    void takesConfluentPropertyNames() {
        AvroSerdeConfig config = AvroSerdeConfig.from(java.util.Map.of(
                "schema.registry.url", "http://a:1,http://b:2",
                "auto.register.schemas", "false",
                "use.latest.version", true,
                "specific.avro.reader", "true"));

        assertThat(config).isEqualTo(new AvroSerdeConfig("http://a:1", false, true, true));
        assertThat(config.valueSubjectNameStrategy()).isEqualTo(SubjectNameStrategy.TOPIC_NAME);
        assertThatThrownBy(() -> AvroSerdeConfig.from(java.util.Map.of()))
                .hasMessageContaining("schema.registry.url");
    }

    @Test
    void takesConfluentSubjectNameStrategyClassNames() {
        AvroSerdeConfig config = AvroSerdeConfig.from(java.util.Map.of(
                "schema.registry.url", "http://a:1",
                "value.subject.name.strategy", "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy",
                "key.subject.name.strategy", "RecordNameStrategy"));

        assertThat(config.valueSubjectNameStrategy()).isEqualTo(SubjectNameStrategy.TOPIC_RECORD_NAME);
        assertThat(config.keySubjectNameStrategy()).isEqualTo(SubjectNameStrategy.RECORD_NAME);
        assertThatThrownBy(() -> AvroSerdeConfig.from(java.util.Map.of("schema.registry.url", "http://a:1",
                "value.subject.name.strategy", "com.example.MyStrategy")))
                .hasMessageContaining("value.subject.name.strategy").hasMessageContaining("com.example.MyStrategy");
    }

    @Test
    void registersEachEventTypeOfATopicUnderItsOwnSubjectWithTopicRecordNameStrategy() {
        ConfluentAvroSerializer perRecord = new ConfluentAvroSerializer(registry,
                AvroSerdeConfig.from(java.util.Map.of("schema.registry.url", "mem://",
                        "value.subject.name.strategy", "TopicRecordNameStrategy")), false);
        TransactionCreated transaction = TestEvents.transactionCreated("c-5", 7);
        ClientUpdated profile = TestEvents.clientUpdated("c-5", 1, ClientStatus.BLOCKED);

        byte[] first = perRecord.serialize("t", transaction);
        byte[] second = perRecord.serialize("t", profile);

        assertThat(WireFormat.schemaId(first))
                .isEqualTo(registry.lookup("t-io.banksuite.events.TransactionCreated", TransactionCreated.getClassSchema()));
        assertThat(WireFormat.schemaId(second))
                .isEqualTo(registry.lookup("t-io.banksuite.events.ClientUpdated", ClientUpdated.getClassSchema()));
        ConfluentAvroDeserializer reader = new ConfluentAvroDeserializer(registry, true);
        assertThat(reader.deserialize("t", first)).isEqualTo(transaction);
        assertThat(reader.deserialize("t", second)).isEqualTo(profile);
    }

    @Test
    void theSchemaIdsOfOutboxRowsFollowTheConfiguredStrategy() {
        SchemaIds ids = new SchemaIds(registry, true, false, SubjectNameStrategy.TOPIC_RECORD_NAME);

        int id = ids.valueSchemaId("t2", LimitChanged.getClassSchema().toString());

        assertThat(id).isEqualTo(registry.lookup("t2-io.banksuite.events.LimitChanged", LimitChanged.getClassSchema()));
    }
}
