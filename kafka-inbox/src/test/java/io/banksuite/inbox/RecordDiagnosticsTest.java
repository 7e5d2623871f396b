package io.banksuite.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.banksuite.schemas.MdcKeys;
import io.banksuite.schemas.MessageHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class RecordDiagnosticsTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    @AfterEach
    void clearMdc() {
        MDC.clear();
    }

    @Test
    void readsTheEventIdOfAnAvroValue() {
        var record = TestEvents.record(TestEvents.event("e-1", "c-1"), 0, 0);
        assertThat(RecordDiagnostics.eventId(record)).isEqualTo("e-1");
    }

    @Test
    void hasNoEventIdWhenTheValueIsMissingOrNotAvro() {
        assertThat(RecordDiagnostics.eventId(new ConsumerRecord<>("t", 0, 0, "k", null))).isNull();
        assertThat(RecordDiagnostics.eventId(new ConsumerRecord<>("t", 0, 0, "k", "text"))).isNull();
    }

    @Test
    void takesTheTraceIdFromTheTraceparentHeader() {
        var record = new ConsumerRecord<>("t", 0, 0, "k", "v");
        record.headers().add(MessageHeaders.TRACEPARENT,
                ("00-" + TRACE_ID + "-00f067aa0ba902b7-01").getBytes(StandardCharsets.US_ASCII));
        assertThat(RecordDiagnostics.traceId(record)).isEqualTo(TRACE_ID);
    }

    @Test
    void prefersTheTraceIdInTheMdc() {
        var record = new ConsumerRecord<>("t", 0, 0, "k", "v");
        record.headers().add(MessageHeaders.TRACEPARENT,
                ("00-" + TRACE_ID + "-00f067aa0ba902b7-01").getBytes(StandardCharsets.US_ASCII));
        MDC.put(MdcKeys.TRACE_ID, "from-mdc");
        assertThat(RecordDiagnostics.traceId(record)).isEqualTo("from-mdc");
    }

    @Test
    void hasNoTraceIdForAMalformedTraceparent() {
        // Which traceparents are valid is TraceContext's rule (schemas), tested there.
        var record = new ConsumerRecord<>("t", 0, 0, "k", "v");
        record.headers().add(MessageHeaders.TRACEPARENT, ("00-" + TRACE_ID.toUpperCase() + "-00f067aa0ba902b7-01")
                .getBytes(StandardCharsets.US_ASCII));
        assertThat(RecordDiagnostics.traceId(record)).isNull();
        assertThat(RecordDiagnostics.traceparent(record)).startsWith("00-4BF9");
    }

    @Test
    void anEventOccurredWhenItsValueSaysElseWhenItsRecordWasWritten() {
        var event = TestEvents.event("e-1", "c-1");
        assertThat(RecordDiagnostics.occurredAt(TestEvents.record(event, 0, 0))).isEqualTo(event.getOccurredAt());
        var notAvro = new ConsumerRecord<>("t", 0, 0, 1_700_000_000_123L, TimestampType.CREATE_TIME, 0, 0, "k",
                "text", new RecordHeaders(), Optional.empty());
        assertThat(RecordDiagnostics.occurredAt(notAvro)).isEqualTo(Instant.ofEpochMilli(1_700_000_000_123L));
    }

    @Test
    void describesARecordForLogLines() {
        var record = TestEvents.record(TestEvents.event("e-9", "c-1"), 3, 17);
        assertThat(RecordDiagnostics.describe(record))
                .isEqualTo(TestEvents.TOPIC + "-3@17 eventId=e-9 traceId=unknown");
    }
}
