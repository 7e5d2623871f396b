package io.banksuite.outbox;

import io.banksuite.schemas.MessageHeaders;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutboxMessageTest {

    @Test
    void anAvroPayloadNeedsItsSchema() {
        assertThatThrownBy(() -> new OutboxMessage(UUID.randomUUID(), "t", "k", new byte[0], null,
                ContentTypes.AVRO_BINARY, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("payloadSchema");
    }

    @Test
    void destinationAndKeyAreRequired() {
        assertThatThrownBy(() -> OutboxMessage.json(UUID.randomUUID(), " ", "k", new byte[0]))
                .hasMessageContaining("destination");
        assertThatThrownBy(() -> OutboxMessage.json(UUID.randomUUID(), "t", null, new byte[0]))
                .hasMessageContaining("messageKey");
    }

    @Test
    void headersAreCopied() {
        var headers = new HashMap<String, String>();
        headers.put("a", "1");
        var message = new OutboxMessage(UUID.randomUUID(), "t", "k", new byte[0], null, ContentTypes.JSON, headers);
        headers.put("b", "2");
        assertThat(message.headers()).containsOnlyKeys("a");
        assertThat(message.withHeader("b", "2").headers()).containsOnlyKeys("a", "b");
    }

    @Test
    void aRowsTraceIdIsReadFromAValidTraceparentOnly() {
        assertThat(row(Map.of(MessageHeaders.TRACEPARENT, "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")).traceId())
                .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(row(Map.of(MessageHeaders.TRACEPARENT, "garbage")).traceId()).isNull();
        assertThat(row(Map.of()).traceId()).isNull();
    }

    private static OutboxRecord row(Map<String, String> headers) {
        return new OutboxRecord(1, UUID.randomUUID(), "t", "k", new byte[0], null, ContentTypes.JSON, headers,
                java.time.Instant.EPOCH, 0, null);
    }
}
