package io.banksuite.notification.adapter.amqp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.banksuite.notification.adapter.amqp.NotificationJobCodec.UnreadableJobException;
import io.banksuite.notification.domain.NotificationJob;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class NotificationJobCodecTest {

    private final NotificationJobCodec codec = new NotificationJobCodec(JsonMapper.builder().build());

    @Test
    void readsTheContractExample() {
        String json = """
                {"jobId":"7d4f0d52-3c4e-4c55-9a7e-0d3c1f0f8a11","kind":"FRAUD_ALERT",
                 "transactionId":"0b8f2d1e-8c53-4f5e-9d1c-6a2b7e3f4c5d","clientId":"c-1",
                 "eventId":"5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b","reasons":["AMOUNT_OVER_THRESHOLD"],
                 "createdAt":"2026-11-27T14:00:00Z","someFutureField":true}""";

        NotificationJob job = codec.read(json.getBytes(StandardCharsets.UTF_8));

        assertThat(job.jobId()).isEqualTo(UUID.fromString("7d4f0d52-3c4e-4c55-9a7e-0d3c1f0f8a11"));
        assertThat(job.kind()).isEqualTo("FRAUD_ALERT");
        assertThat(job.clientId()).isEqualTo("c-1");
        assertThat(job.reasons()).isEqualTo(List.of("AMOUNT_OVER_THRESHOLD"));
        assertThat(job.createdAt()).isEqualTo(Instant.parse("2026-11-27T14:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "", "null", "[]", "{}", "{\"kind\":\"FRAUD_ALERT\"}",
            "{\"jobId\":\"not-a-uuid\",\"kind\":\"FRAUD_ALERT\"}",
            "{\"jobId\":\"7d4f0d52-3c4e-4c55-9a7e-0d3c1f0f8a11\"}",
            "{\"jobId\":\"7d4f0d52-3c4e-4c55-9a7e-0d3c1f0f8a11\",\"kind\":\"  \"}"})
    void anythingThatIsNotAValidJobIsUnreadable(String body) {
        assertThatThrownBy(() -> codec.read(body.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableJobException.class);
    }
}
