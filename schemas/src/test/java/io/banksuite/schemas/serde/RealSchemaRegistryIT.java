package io.banksuite.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.banksuite.events.TransactionCreated;
import io.banksuite.local.SchemaRegistryServer;
import io.banksuite.schemas.TestEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;

/** The serde and the registry client against a real schema registry (Apicurio, Confluent-compatible API). */
class RealSchemaRegistryIT {

    private final String url = SchemaRegistryServer.shared().url();
    private final RestSchemaRegistryClient client = new RestSchemaRegistryClient(url);
    private final String topic = "it-" + UUID.randomUUID();

    @Test
    void roundTripsThroughTheRegistryWithConfluentPropertyNames() {
        TransactionCreated event = TestEvents.transactionCreated("c-1", 125_50);
        ConfluentAvroSerializer serializer = new ConfluentAvroSerializer();
        serializer.configure(Map.of("schema.registry.url", url), false);
        ConfluentAvroDeserializer deserializer = new ConfluentAvroDeserializer();
        deserializer.configure(Map.of("schema.registry.url", url, "specific.avro.reader", "true"), false);

        byte[] framed = serializer.serialize(topic, event);

        assertThat(new RestSchemaRegistryClient(url).getById(WireFormat.schemaId(framed)))
                .isEqualTo(TransactionCreated.getClassSchema());
        assertThat(deserializer.deserialize(topic, framed)).isEqualTo(event);
    }

    @Test
    void registeringTheSameSchemaTwiceGivesTheSameId() {
        String subject = topic + "-value";
        int first = client.register(subject, TransactionCreated.getClassSchema());

        assertThat(new RestSchemaRegistryClient(url).register(subject, TransactionCreated.getClassSchema()))
                .isEqualTo(first);
        assertThat(new RestSchemaRegistryClient(url).lookup(subject, TransactionCreated.getClassSchema()))
                .isEqualTo(first);
        assertThat(client.latest(subject).id()).isEqualTo(first);
    }

    @Test
    void theRegistryRejectsAnIncompatibleChangeUnderBackwardCompatibility() {
        String subject = topic + "-value";
        Schema current = TransactionCreated.getClassSchema();
        client.register(subject, current);
        client.setCompatibility(subject, "BACKWARD");

        Schema incompatible = withField(current, new Schema.Field("riskScore", SchemaBuilder.builder().intType()));
        Schema compatible = withField(current, new Schema.Field("riskScore",
                SchemaBuilder.unionOf().nullType().and().intType().endUnion(), null, Schema.Field.NULL_DEFAULT_VALUE));

        assertThat(client.testCompatibility(subject, incompatible)).isFalse();
        assertThatThrownBy(() -> client.register(subject, incompatible))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.status()).isEqualTo(409));
        assertThat(client.testCompatibility(subject, compatible)).isTrue();
        assertThat(client.register(subject, compatible)).isNotEqualTo(client.lookup(subject, current));
    }

    @Test
    void aSubjectIsBackwardCompatibleByDefaultAsInConfluentSchemaRegistry() {
        String subject = topic + "-value";
        client.register(subject, TransactionCreated.getClassSchema());

        Schema incompatible = withField(TransactionCreated.getClassSchema(),
                new Schema.Field("riskScore", SchemaBuilder.builder().intType()));

        assertThatThrownBy(() -> client.register(subject, incompatible))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.status()).isEqualTo(409));
    }

    @Test
    void servesSchemasBackWithTheirFieldOrder() {
        Schema schema = new Schema.Parser().parse(
                "{\"type\":\"record\",\"name\":\"Ordered\",\"fields\":[{\"name\":\"zeta\",\"type\":\"string\"},"
                        + "{\"name\":\"alpha\",\"type\":\"long\"}]}");

        int id = client.register(topic + "-value", schema);

        assertThat(new RestSchemaRegistryClient(url).getById(id).getFields()).extracting(Schema.Field::name)
                .containsExactly("zeta", "alpha");
    }

    @Test
    void anUnknownSchemaIdIsAClearError() {
        assertThatThrownBy(() -> client.getById(987_654))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    private static Schema withField(Schema record, Schema.Field extra) {
        List<Schema.Field> fields = new ArrayList<>();
        record.getFields().forEach(f -> fields.add(new Schema.Field(f, f.schema())));
        fields.add(extra);
        return Schema.createRecord(record.getName(), record.getDoc(), record.getNamespace(), false, fields);
    }
}
