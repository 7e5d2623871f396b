package io.banksuite.outbox;

import io.banksuite.schemas.MessageHeaders;
import io.banksuite.schemas.tracing.TraceContext;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A row of the outbox table as a relay reads it. */
public record OutboxRecord(long id, UUID eventId, String destination, String messageKey, byte[] payload,
                           String payloadSchema, String contentType, Map<String, String> headers,
                           Instant createdAt, int attempts, String lastError) {

    public OutboxRecord {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** The trace id of the request that wrote the row, or {@code null}; for log lines. */
    public String traceId() {
        return TraceContext.traceIdOrNull(headers.get(MessageHeaders.TRACEPARENT));
    }
}
