package io.banksuite.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.banksuite.schemas.MdcKeys;
import io.banksuite.schemas.MessageHeaders;
import io.banksuite.schemas.tracing.TraceContext;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * What a log line about a record needs: its coordinates, its event id and the trace id, as far as they are known.
 */
public final class RecordDiagnostics {

    private static final String EVENT_ID_FIELD = "eventId";
    private static final String OCCURRED_AT_FIELD = "occurredAt";
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

    /**
     * When the event occurred: the value's {@code occurredAt} (an Instant, or the microseconds of Avro's
     * timestamp-micros when read as generic data), else the record's timestamp.
     */
    public static Instant occurredAt(ConsumerRecord<?, ?> record) {
        if (record.value() instanceof IndexedRecord value) {
            Schema.Field field = value.getSchema().getField(OCCURRED_AT_FIELD);
            Object occurredAt = field == null ? null : value.get(field.pos());
            if (occurredAt instanceof Instant instant) {
                return instant;
            }
            if (occurredAt instanceof Long micros) {
                return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
            }
        }
        return Instant.ofEpochMilli(record.timestamp());
    }

    /** The record's {@code traceparent} header, or null. */
    public static @Nullable String traceparent(ConsumerRecord<?, ?> record) {
        return header(record.headers(), MessageHeaders.TRACEPARENT);
    }

    /** The last value of the header, or null. */
    public static @Nullable String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null
                ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The trace id: the MDC's if set (tracing agent), else the one in the record's {@code traceparent} header. */
    public static @Nullable String traceId(ConsumerRecord<?, ?> record) {
        String fromMdc = MDC.get(MdcKeys.TRACE_ID);
        if (fromMdc != null && !fromMdc.isBlank()) {
            return fromMdc;
        }
        return TraceContext.traceIdOrNull(traceparent(record));
    }

    /** {@code topic-partition@offset eventId=... traceId=...} for log lines. */
    public static String describe(ConsumerRecord<?, ?> record) {
        return describe(record.topic(), record.partition(), record.offset(), eventId(record), traceId(record));
    }

    /**
     * The same for a record known only by its coordinates and headers (a Kafka Streams error handler's): the event
     * id given, else the {@code event_id} header's; the trace id of the {@code traceparent} header.
     */
    public static String describe(String topic, int partition, long offset, Headers headers,
                                  @Nullable String eventId) {
        return describe(topic, partition, offset,
                eventId != null ? eventId : header(headers, MessageHeaders.EVENT_ID),
                TraceContext.traceIdOrNull(header(headers, MessageHeaders.TRACEPARENT)));
    }

    private static String describe(String topic, int partition, long offset, @Nullable String eventId,
                                   @Nullable String traceId) {
        return topic + "-" + partition + "@" + offset + " eventId=" + orUnknown(eventId)
                + " traceId=" + orUnknown(traceId);
    }

    private static String orUnknown(@Nullable String value) {
        return value == null ? UNKNOWN : value;
    }
}
