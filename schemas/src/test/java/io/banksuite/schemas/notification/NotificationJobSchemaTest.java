package io.banksuite.schemas.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.banksuite.schemas.JsonContract;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The notification job's own rules; its history is checked with every contract's (JsonContractTest). */
class NotificationJobSchemaTest {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aMessageWithoutAKindOrWithABadIdIsRefused() {
        ObjectNode job = (ObjectNode) JSON.valueToTree(new NotificationJob(UUID.randomUUID(),
                NotificationJob.FRAUD_ALERT, UUID.randomUUID(), "c-1", UUID.randomUUID(), List.of("A"),
                Instant.parse("2026-11-27T14:00:00Z")));
        ObjectNode withoutKind = job.deepCopy();
        withoutKind.remove("kind");
        ObjectNode badId = job.deepCopy();
        badId.put("jobId", "not-a-uuid");

        assertThat(errors(withoutKind.toString())).singleElement().asString().contains("kind");
        assertThat(errors(badId.toString())).singleElement().asString().contains("jobId");
    }

    @Test
    void theRecordRefusesAJobWithoutIdOrKind() {
        assertThatThrownBy(() -> new NotificationJob(null, "FRAUD_ALERT", null, null, null, null, null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new NotificationJob(UUID.randomUUID(), " ", null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> errors(String message) {
        Schema schema = REGISTRY.getSchema(JsonContract.NOTIFICATION_JOB.text(), InputFormat.JSON);
        return schema.validate(message, InputFormat.JSON).stream().map(Error::toString).toList();
    }
}
