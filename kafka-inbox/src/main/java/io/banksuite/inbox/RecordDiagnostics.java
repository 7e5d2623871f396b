package io.banksuite.inbox;

import java.nio.charset.StandardCharsets;

import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * What a log line about a record needs: its coordinates, its event id and the trace id, as far as they are known.
 */
public final class RecordDiagnostics {

    /** MDC key of the trace id (the suite's logging convention). */
    public static final String TRACE_ID_MDC_KEY = "traceId";
    /** MDC key of the event id while the inbox handles an event. */
    public static final String EVENT_ID_MDC_KEY = "eventId";
    /** W3C trace context header, as the outbox relay sets it. */
    public static final String TRACEPARENT_HEADER = "traceparent";

    private static final String EVENT_ID_FIELD = "eventId";
    private static final String UNKNOWN = "unknown";

    private RecordDiagnostics() {
    }

    /** The value's {@code eventId} field, or null if the value is missing (e.g. it could not be deserialized). */
    public static @Nullable String eventId(ConsumerRecord<?, ?> record) {
        return eventIdOf(record.value());
    }

    /** The {@code eventId} field of a deserialized Avro value (specific or generic), or null. */
    public static @Nullable String eventIdOf(@Nullable Object deserializedValue) {
        if (deserializedValue instanceof IndexedRecord value) {
            Schema.Field field = value.getSchema().getField(EVENT_ID_FIELD);
            if (field != null) {
                Object id = value.get(field.pos());
                return id == null ? null : id.toString();
            }
        }
        return null;
    }

    /** The trace id: the MDC's if set (tracing agent), else the one in the record's {@code traceparent} header. */
    public static @Nullable String traceId(ConsumerRecord<?, ?> record) {
        String fromMdc = MDC.get(TRACE_ID_MDC_KEY);
        if (fromMdc != null && !fromMdc.isBlank()) {
            return fromMdc;
        }
        Header header = record.headers().lastHeader(TRACEPARENT_HEADER);
        return header == null || header.value() == null
                ? null : traceIdFromTraceparent(new String(header.value(), StandardCharsets.US_ASCII));
    }

    /** The trace-id part of a W3C traceparent ({@code version-traceid-parentid-flags}), or null if malformed. */
    public static @Nullable String traceIdFromTraceparent(@Nullable String traceparent) {
        if (traceparent == null) {
            return null;
        }
        String[] parts = traceparent.trim().split("-");
        if (parts.length < 4 || parts[1].length() != 32 || !parts[1].chars().allMatch(RecordDiagnostics::isLowerHex)
                || parts[1].chars().allMatch(c -> c == '0')) {
            return null;
        }
        return parts[1];
    }

    /** {@code topic-partition@offset eventId=... traceId=...} for log lines. */
    public static String describe(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset()
                + " eventId=" + orUnknown(eventId(record)) + " traceId=" + orUnknown(traceId(record));
    }

    private static String orUnknown(@Nullable String value) {
        return value == null ? UNKNOWN : value;
    }

    private static boolean isLowerHex(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    }
}
