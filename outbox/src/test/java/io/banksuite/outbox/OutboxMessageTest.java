package io.banksuite.outbox;

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
    void traceIdIsReadFromAValidTraceparentOnly() {
        assertThat(OutboxTracing.traceIdOf("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
                .contains("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(OutboxTracing.traceIdOf("garbage")).isEmpty();
        assertThat(OutboxTracing.traceIdOf(null)).isEmpty();
    }
}
