package io.banksuite.outbox;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.banksuite.schemas.MessageHeaders;
import io.banksuite.schemas.tracing.TraceContext;

/**
 * A message to publish, as a service hands it to {@link OutboxWriter}.
 *
 * @param eventId       unique id of the message; consumers deduplicate on it
 * @param destination   Kafka topic or RabbitMQ exchange
 * @param messageKey    Kafka key (the client id, which keeps one client's messages in order) or AMQP routing key
 * @param payload       plain Avro binary (no wire-format framing) or JSON bytes
 * @param payloadSchema the Avro writer schema as JSON for an Avro payload; {@code null} otherwise
 * @param contentType   {@link ContentTypes#AVRO_BINARY} or {@link ContentTypes#JSON}
 * @param headers       string headers to publish with the message; the writer adds the current traceparent
 */
public record OutboxMessage(UUID eventId, String destination, String messageKey, byte[] payload,
                            String payloadSchema, String contentType, Map<String, String> headers) {

    public OutboxMessage {
        Objects.requireNonNull(eventId, "eventId");
        requireText(destination, "destination");
        requireText(messageKey, "messageKey");
        Objects.requireNonNull(payload, "payload");
        requireText(contentType, "contentType");
        if (payloadSchema != null && payloadSchema.isBlank()) {
            throw new IllegalArgumentException("payloadSchema must be null or a schema");
        }
        if (ContentTypes.AVRO_BINARY.equals(contentType) && payloadSchema == null) {
            // A relay cannot register or frame an Avro payload without its writer schema.
            throw new IllegalArgumentException("An avro/binary payload needs its payloadSchema");
        }
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** An Avro payload (plain binary encoding) with its writer schema. */
    public static OutboxMessage avro(UUID eventId, String destination, String messageKey, byte[] avroBinary,
                                     String writerSchemaJson) {
        return new OutboxMessage(eventId, destination, messageKey, avroBinary, writerSchemaJson,
                ContentTypes.AVRO_BINARY, Map.of());
    }

    /** A JSON payload (UTF-8 bytes). */
    public static OutboxMessage json(UUID eventId, String destination, String messageKey, byte[] jsonUtf8) {
        return new OutboxMessage(eventId, destination, messageKey, jsonUtf8, null, ContentTypes.JSON, Map.of());
    }

    /** The same message with one more header. */
    public OutboxMessage withHeader(String name, String value) {
        var copy = new java.util.LinkedHashMap<>(headers);
        copy.put(name, value);
        return new OutboxMessage(eventId, destination, messageKey, payload, payloadSchema, contentType, copy);
    }

    /**
     * The same message continuing the trace of what caused it ({@code traceparent}, e.g. a consumed event's), when
     * no span is current. With a tracing agent a span is current, and {@link OutboxWriter} stores its context
     * instead; without one this keeps the message in the original trace. A null or blank traceparent adds nothing.
     */
    public OutboxMessage continuingTrace(String traceparent) {
        if (traceparent == null || traceparent.isBlank() || TraceContext.hasCurrentSpan()) {
            return this;
        }
        return withHeader(MessageHeaders.TRACEPARENT, traceparent);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
