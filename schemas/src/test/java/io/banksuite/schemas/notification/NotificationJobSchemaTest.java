package io.banksuite.schemas.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The notification job's contract and its history. Every released version is kept under
 * src/test/resources/schema-history/notification-job/ as vN.schema.json with a message of that version,
 * vN.example.json. A change must be recorded there as a new version and stay readable both ways (FULL_TRANSITIVE):
 * the producer (fraud-service) and the consumer (notification-worker) are deployed independently.
 */
class NotificationJobSchemaTest {

    private static final String HISTORY = "/schema-history/notification-job/";
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    /** Serializes as the services do: Jackson 3 defaults (ISO-8601 instants). */
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theCurrentSchemaIsRecordedAsTheLatestVersion() {
        List<Version> history = history();

        assertThat(history).as("schema history of the notification job").isNotEmpty();
        assertThat(JSON.readTree(history.get(history.size() - 1).schemaText()))
                .as("copy notification-job.schema.json as the next vN.schema.json under %s", HISTORY)
                .isEqualTo(JSON.readTree(NotificationJobSchema.text()));
    }

    @Test
    void theCurrentSchemaReadsTheMessagesOfEveryReleasedVersion() {
        Schema current = REGISTRY.getSchema(NotificationJobSchema.text(), InputFormat.JSON);
        for (Version version : history()) {
            assertThat(errors(current, version.example())).as("current schema on the v%d message", version.number())
                    .isEmpty();
        }
    }

    @Test
    void everyReleasedSchemaReadsTheCurrentMessages() {
        String current = JSON.writeValueAsString(sampleJob());
        for (Version version : history()) {
            assertThat(errors(REGISTRY.getSchema(version.schemaText(), InputFormat.JSON), current))
                    .as("v%d schema on a current message", version.number()).isEmpty();
        }
    }

    @Test
    void whatTheJavaRecordWritesIsAValidJobAndReadsBackTheSame() {
        NotificationJob job = sampleJob();
        String json = JSON.writeValueAsString(job);

        assertThat(errors(currentSchema(), json)).isEmpty();
        assertThat(JSON.readValue(json, NotificationJob.class)).isEqualTo(job);
    }

    @Test
    void aMessageWithoutARequiredFieldOrWithABadIdIsRefused() {
        ObjectNode job = (ObjectNode) JSON.valueToTree(sampleJob());
        ObjectNode withoutKind = job.deepCopy();
        withoutKind.remove("kind");
        ObjectNode badId = job.deepCopy();
        badId.put("jobId", "not-a-uuid");

        assertThat(errors(currentSchema(), withoutKind.toString())).singleElement().asString().contains("kind");
        assertThat(errors(currentSchema(), badId.toString())).singleElement().asString().contains("jobId");
    }

    @Test
    void aNewRequiredFieldIsAnIncompatibleChange() {
        ObjectNode changed = (ObjectNode) JSON.readTree(NotificationJobSchema.text());
        changed.withArray("required").add("channel");
        Schema candidate = REGISTRY.getSchema(changed.toString(), InputFormat.JSON);

        assertThat(history()).anySatisfy(version -> assertThat(errors(candidate, version.example())).isNotEmpty());
    }

    @Test
    void theRecordRefusesAJobWithoutIdOrKind() {
        assertThatThrownBy(() -> new NotificationJob(null, "FRAUD_ALERT", null, null, null, null, null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new NotificationJob(UUID.randomUUID(), " ", null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static NotificationJob sampleJob() {
        return new NotificationJob(UUID.randomUUID(), NotificationJob.FRAUD_ALERT, UUID.randomUUID(), "c-1",
                UUID.randomUUID(), List.of("AMOUNT_OVER_THRESHOLD", "VELOCITY_LIMIT_EXCEEDED"),
                Instant.parse("2026-11-27T14:00:00.123456Z"));
    }

    private static Schema currentSchema() {
        return REGISTRY.getSchema(NotificationJobSchema.text(), InputFormat.JSON);
    }

    private static List<String> errors(Schema schema, String message) {
        return schema.validate(message, InputFormat.JSON).stream().map(Error::toString).toList();
    }

    private record Version(int number, String schemaText, String example) {
    }

    private static List<Version> history() {
        List<Version> versions = new ArrayList<>();
        for (int number = 1; ; number++) {
            String schema = resource(HISTORY + "v" + number + ".schema.json");
            if (schema == null) {
                return versions;
            }
            String example = resource(HISTORY + "v" + number + ".example.json");
            assertThat(example).as("v%d.example.json beside v%d.schema.json", number, number).isNotNull();
            versions.add(new Version(number, schema, example));
        }
    }

    private static String resource(String name) {
        try (InputStream in = NotificationJobSchemaTest.class.getResourceAsStream(name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + name, e);
        }
    }
}
