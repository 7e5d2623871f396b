package io.banksuite.notification.adapter.in.amqp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.banksuite.runtime.rabbit.JsonMessageReader.UnreadableMessageException;
import io.banksuite.schemas.notification.NotificationJob;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class JobCodecTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final JobCodec codec = new JobCodec(json);

    @Test
    void readsWhatAProducerWritesEvenWithAFieldAddedLater() {
        NotificationJob written = new NotificationJob(UUID.fromString("7d4f0d52-3c4e-4c55-9a7e-0d3c1f0f8a11"),
                NotificationJob.FRAUD_ALERT, UUID.randomUUID(), "c-1", UUID.randomUUID(),
                List.of("AMOUNT_OVER_THRESHOLD"), Instant.parse("2026-11-27T14:00:00Z"));
        ObjectNode message = json.valueToTree(written);
        message.put("someFutureField", true);

        NotificationJob job = codec.read(json.writeValueAsBytes(message));

        assertThat(job.jobId()).isEqualTo(UUID.fromString("7d4f0d52-3c4e-4c55-9a7e-0d3c1f0f8a11"));
        assertThat(job.kind()).isEqualTo("FRAUD_ALERT");
        assertThat(job.clientId()).isEqualTo("c-1");
        assertThat(job.reasons()).isEqualTo(List.of("AMOUNT_OVER_THRESHOLD"));
        assertThat(job.createdAt()).isEqualTo(Instant.parse("2026-11-27T14:00:00Z"));
        assertThat(job).isEqualTo(written);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "", "null", "[]", "{}", "{\"kind\":\"FRAUD_ALERT\"}",
            "{\"jobId\":\"not-a-uuid\",\"kind\":\"FRAUD_ALERT\"}",
            "{\"jobId\":\"7d4f0d52-3c4e-4c55-9a7e-0d3c1f0f8a11\"}",
            "{\"jobId\":\"7d4f0d52-3c4e-4c55-9a7e-0d3c1f0f8a11\",\"kind\":\"  \"}"})
    void anythingThatIsNotAValidJobIsUnreadable(String body) {
        assertThatThrownBy(() -> codec.read(body.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableMessageException.class);
    }
}
