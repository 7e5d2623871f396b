package io.banksuite.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.banksuite.schemas.charge.ChargeOutcome;
import io.banksuite.schemas.charge.ChargeRequest;
import io.banksuite.schemas.notification.NotificationJob;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every JSON contract and its history (see {@link JsonContract}): the current schema is recorded as the latest
 * version, it reads every released version's messages, every released schema reads current messages
 * (FULL_TRANSITIVE), and what the Java record writes is valid and reads back the same.
 */
class JsonContractTest {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    /** Serializes as the services do: Jackson 3 defaults (ISO-8601 instants). */
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest
    @EnumSource(JsonContract.class)
    void theCurrentSchemaIsRecordedAsTheLatestVersion(JsonContract contract) {
        List<Version> history = history(contract);

        assertThat(history).as("schema history of %s", contract).isNotEmpty();
        assertThat(JSON.readTree(history.get(history.size() - 1).schemaText()))
                .as("copy %s as the next vN.schema.json under schema-history/%s", contract.resource(),
                        contract.subject())
                .isEqualTo(JSON.readTree(contract.text()));
    }

    @ParameterizedTest
    @EnumSource(JsonContract.class)
    void theCurrentSchemaReadsTheMessagesOfEveryReleasedVersion(JsonContract contract) {
        Schema current = schema(contract.text());
        for (Version version : history(contract)) {
            assertThat(errors(current, version.example())).as("current schema on the v%d message", version.number())
                    .isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(JsonContract.class)
    void everyReleasedSchemaReadsTheCurrentMessages(JsonContract contract) {
        String current = JSON.writeValueAsString(sample(contract));
        for (Version version : history(contract)) {
            assertThat(errors(schema(version.schemaText()), current))
                    .as("v%d schema on a current message", version.number()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(JsonContract.class)
    void whatTheJavaRecordWritesIsValidAndReadsBackTheSame(JsonContract contract) {
        Object message = sample(contract);
        String json = JSON.writeValueAsString(message);

        assertThat(errors(schema(contract.text()), json)).isEmpty();
        assertThat(JSON.readValue(json, message.getClass())).isEqualTo(message);
    }

    @ParameterizedTest
    @EnumSource(JsonContract.class)
    void aNewRequiredFieldIsAnIncompatibleChange(JsonContract contract) {
        ObjectNode changed = (ObjectNode) JSON.readTree(contract.text());
        changed.withArray("required").add("somethingNew");
        Schema candidate = schema(changed.toString());

        assertThat(history(contract))
                .anySatisfy(version -> assertThat(errors(candidate, version.example())).isNotEmpty());
    }

    @ParameterizedTest
    @EnumSource(JsonContract.class)
    void aMessageWithoutARequiredFieldIsRefused(JsonContract contract) {
        ObjectNode message = (ObjectNode) JSON.valueToTree(sample(contract));
        String required = JSON.readTree(contract.text()).get("required").get(0).asString();
        message.remove(required);

        assertThat(errors(schema(contract.text()), message.toString())).singleElement().asString()
                .contains(required);
    }

    /** A current message of each contract, as its producer writes it. */
    static Object sample(JsonContract contract) {
        return switch (contract) {
            case NOTIFICATION_JOB -> new NotificationJob(UUID.randomUUID(), NotificationJob.FRAUD_ALERT,
                    UUID.randomUUID(), "c-1", UUID.randomUUID(),
                    List.of("AMOUNT_OVER_THRESHOLD", "VELOCITY_LIMIT_EXCEEDED"),
                    Instant.parse("2026-11-27T14:00:00.123456Z"));
            case CHARGE_REQUEST -> new ChargeRequest(UUID.randomUUID(), UUID.randomUUID(), "c-1", "card-7f3a", 12_550,
                    "EUR", "m-1", UUID.randomUUID(), Instant.parse("2026-12-01T10:15:30.123456Z"));
            case CHARGE_OUTCOME -> new ChargeOutcome(UUID.randomUUID(), UUID.randomUUID(), "c-1",
                    ChargeOutcome.DECLINED, "ch_1", "insufficient funds", 1, Instant.parse("2026-12-01T10:15:31Z"));
        };
    }

    private static Schema schema(String text) {
        return REGISTRY.getSchema(text, InputFormat.JSON);
    }

    private static List<String> errors(Schema schema, String message) {
        return schema.validate(message, InputFormat.JSON).stream().map(Error::toString).toList();
    }

    private record Version(int number, String schemaText, String example) {
    }

    private static List<Version> history(JsonContract contract) {
        String folder = "/schema-history/" + contract.subject() + "/";
        List<Version> versions = new ArrayList<>();
        for (int number = 1; ; number++) {
            String schema = resource(folder + "v" + number + ".schema.json");
            if (schema == null) {
                return versions;
            }
            String example = resource(folder + "v" + number + ".example.json");
            assertThat(example).as("v%d.example.json beside v%d.schema.json", number, number).isNotNull();
            versions.add(new Version(number, schema, example));
        }
    }

    private static String resource(String name) {
        try (InputStream in = JsonContractTest.class.getResourceAsStream(name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + name, e);
        }
    }
}
