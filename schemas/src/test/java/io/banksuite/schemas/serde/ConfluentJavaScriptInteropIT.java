package io.banksuite.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.banksuite.events.Channel;
import io.banksuite.events.TransactionCreated;
import io.banksuite.events.TransactionType;
import io.banksuite.local.SchemaRegistryServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Byte-level interoperability of our serde with Confluent's own Avro serializer and deserializer (those of its npm
 * package {@code @confluentinc/schemaregistry}; the Java ones are not on Maven Central), through the same real
 * registry (Apicurio, Confluent-compatible API). Confluent's JavaScript serde shares the wire format and the REST
 * calls of its Java serde. Needs Node.js 20+ and npm: see {@link ConfluentJavaScript}.
 */
class ConfluentJavaScriptInteropIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();
    /** The text Confluent's Java serializer registers for a record: AvroSchema.canonicalString(), Avro's toString. */
    private static final String CANONICAL_SCHEMA = TransactionCreated.getClassSchema().toString();

    private static ConfluentJavaScript confluent;

    private final String url = SchemaRegistryServer.shared().url();
    private final String topic = "interop-" + UUID.randomUUID();

    @BeforeAll
    static void installConfluentsSerde() {
        confluent = ConfluentJavaScript.install();
    }

    @Test
    void ourDeserializerReadsWhatConfluentsSerializerWroteWithTheAvscFileAsWritten() throws IOException {
        List<TransactionCreated> events = events();
        String avsc = Files.readString(Path.of(System.getProperty("basedir", ""), "src/main/avro/TransactionCreated.avsc"));

        JsonNode answer = confluent.call("serialize", request().put("schema", avsc).set("records", asJson(events)));

        ConfluentAvroDeserializer deserializer = new ConfluentAvroDeserializer();
        deserializer.configure(Map.of("schema.registry.url", url, "specific.avro.reader", "true"), false);
        assertThat(answer.path("messages")).hasSize(events.size());
        for (int i = 0; i < events.size(); i++) {
            byte[] theirs = HEX.parseHex(answer.path("messages").get(i).asText());
            assertThat(WireFormat.schemaId(theirs)).isEqualTo(answer.path("schemaId").asInt());

            Object decoded = deserializer.deserialize(topic, theirs);

            assertThat(decoded).isInstanceOf(TransactionCreated.class);
            assertSameEvent((TransactionCreated) decoded, events.get(i));
            // The Avro binary after the header is the same as ours. (The id in the header is Apicurio's id for this
            // spelling of the schema: see bothSerializersRegisterTheSchemaUnderOneIdAndWriteTheSameBytes.)
            assertThat(HEX.formatHex(Arrays.copyOfRange(theirs, WireFormat.HEADER_LENGTH, theirs.length)))
                    .isEqualTo(HEX.formatHex(AvroBinary.encode(events.get(i))));
        }
    }

    @Test
    void confluentsDeserializerReadsWhatOurSerializerWrote() {
        List<TransactionCreated> events = events();
        ArrayNode messages = JSON.createArrayNode();
        ConfluentAvroSerializer serializer = ourSerializer();
        events.forEach(event -> messages.add(HEX.formatHex(serializer.serialize(topic, event))));
        int ourId = WireFormat.schemaId(HEX.parseHex(messages.get(0).asText()));

        // Confluent also registers the schema under the same subject, after us: it must get our id.
        JsonNode answer = confluent.call("deserialize", request().put("schema", CANONICAL_SCHEMA).set("messages", messages));

        assertThat(answer.path("records")).hasSize(events.size());
        for (int i = 0; i < events.size(); i++) {
            assertSameEvent(answer.path("records").get(i), events.get(i));
        }
        assertThat(answer.path("schemaId").asInt()).isEqualTo(ourId);
    }

    @Test
    void bothSerializersRegisterTheSchemaUnderOneIdAndWriteTheSameBytes() {
        List<TransactionCreated> events = events();

        // Confluent registers first, we second, under the same subject: same id, so the very same bytes.
        JsonNode answer = confluent.call("serialize", request().put("schema", CANONICAL_SCHEMA).set("records", asJson(events)));

        ConfluentAvroSerializer serializer = ourSerializer();
        assertThat(answer.path("messages")).hasSize(events.size());
        for (int i = 0; i < events.size(); i++) {
            byte[] ours = serializer.serialize(topic, events.get(i));
            assertThat(WireFormat.schemaId(ours)).isEqualTo(answer.path("schemaId").asInt());
            assertThat(HEX.formatHex(ours)).isEqualTo(answer.path("messages").get(i).asText());
        }
    }

    /** Every field set, and the nullable ones null; enums other than the defaults; micros and a long over 2^31. */
    private static List<TransactionCreated> events() {
        TransactionCreated full = TransactionCreated.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.parse("2026-11-27T14:00:00.123456Z"))
                .setTransactionId(UUID.randomUUID().toString())
                .setClientId("c-interop")
                .setAmountMinor(9_876_543_210L)
                .setCurrency("EUR")
                .setType(TransactionType.TRANSFER)
                .setMerchantId("m-42 café €")
                .setMerchantCategory("5411")
                .setMerchantCountry("DE")
                .setChannel(Channel.MOBILE)
                .build();
        TransactionCreated sparse = TransactionCreated.newBuilder(full)
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.parse("1999-12-31T23:59:59.999999Z"))
                .setAmountMinor(1)
                .setCurrency("JPY")
                .setType(TransactionType.REFUND)
                .setMerchantId(null)
                .setMerchantCategory(null)
                .setMerchantCountry(null)
                .setChannel(Channel.ATM)
                .build();
        return List.of(full, sparse);
    }

    /** The records as Confluent's JavaScript serde (avsc) holds them: micros as numbers, enum symbols, bare unions. */
    private static JsonNode asJson(List<TransactionCreated> events) {
        return JSON.valueToTree(events.stream().map(ConfluentJavaScriptInteropIT::asJson).toList());
    }

    private static Map<String, Object> asJson(TransactionCreated event) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("eventId", event.getEventId());
        json.put("occurredAt", micros(event.getOccurredAt()));
        json.put("transactionId", event.getTransactionId());
        json.put("clientId", event.getClientId());
        json.put("amountMinor", event.getAmountMinor());
        json.put("currency", event.getCurrency());
        json.put("type", event.getType().name());
        json.put("merchantId", event.getMerchantId());
        json.put("merchantCategory", event.getMerchantCategory());
        json.put("merchantCountry", event.getMerchantCountry());
        json.put("channel", event.getChannel().name());
        return json;
    }

    private static void assertSameEvent(TransactionCreated actual, TransactionCreated expected) {
        assertThat(actual.getEventId()).isEqualTo(expected.getEventId());
        assertThat(actual.getOccurredAt()).isEqualTo(expected.getOccurredAt());
        assertThat(actual.getTransactionId()).isEqualTo(expected.getTransactionId());
        assertThat(actual.getClientId()).isEqualTo(expected.getClientId());
        assertThat(actual.getAmountMinor()).isEqualTo(expected.getAmountMinor());
        assertThat(actual.getCurrency()).isEqualTo(expected.getCurrency());
        assertThat(actual.getType()).isEqualTo(expected.getType());
        assertThat(actual.getMerchantId()).isEqualTo(expected.getMerchantId());
        assertThat(actual.getMerchantCategory()).isEqualTo(expected.getMerchantCategory());
        assertThat(actual.getMerchantCountry()).isEqualTo(expected.getMerchantCountry());
        assertThat(actual.getChannel()).isEqualTo(expected.getChannel());
        assertThat(actual).isEqualTo(expected);
    }

    private static void assertSameEvent(JsonNode actual, TransactionCreated expected) {
        assertThat(actual.path("eventId").asText()).isEqualTo(expected.getEventId());
        assertThat(actual.path("occurredAt").isIntegralNumber()).as("occurredAt is a number").isTrue();
        assertThat(actual.path("occurredAt").asLong()).isEqualTo(micros(expected.getOccurredAt()));
        assertThat(actual.path("transactionId").asText()).isEqualTo(expected.getTransactionId());
        assertThat(actual.path("clientId").asText()).isEqualTo(expected.getClientId());
        assertThat(actual.path("amountMinor").asLong()).isEqualTo(expected.getAmountMinor());
        assertThat(actual.path("currency").asText()).isEqualTo(expected.getCurrency());
        assertThat(actual.path("type").asText()).isEqualTo(expected.getType().name());
        assertNullable(actual, "merchantId", expected.getMerchantId());
        assertNullable(actual, "merchantCategory", expected.getMerchantCategory());
        assertNullable(actual, "merchantCountry", expected.getMerchantCountry());
        assertThat(actual.path("channel").asText()).isEqualTo(expected.getChannel().name());
        assertThat(actual.size()).as("fields of " + actual).isEqualTo(TransactionCreated.getClassSchema().getFields().size());
    }

    private static void assertNullable(JsonNode record, String field, String expected) {
        assertThat(record.has(field)).as(field + " present in " + record).isTrue();
        if (expected == null) {
            assertThat(record.get(field).isNull()).as(field + " is null in " + record).isTrue();
        } else {
            assertThat(record.get(field).asText()).as(field).isEqualTo(expected);
        }
    }

    private static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    private ConfluentAvroSerializer ourSerializer() {
        ConfluentAvroSerializer serializer = new ConfluentAvroSerializer();
        serializer.configure(Map.of("schema.registry.url", url, "auto.register.schemas", "true"), false);
        return serializer;
    }

    private ObjectNode request() {
        return JSON.createObjectNode().put("registryUrl", url).put("topic", topic);
    }
}
