package io.banksuite.schemas.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import io.opentelemetry.api.trace.Span;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TraceContextTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

    @Test
    void readsTheTraceIdOfAValidTraceparent() {
        assertThat(TraceContext.traceIdOf(TRACEPARENT)).contains(TRACE_ID);
        assertThat(TraceContext.traceIdOrNull(" " + TRACEPARENT + " ")).isEqualTo(TRACE_ID);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"garbage", "00-XYZ-00f067aa0ba902b7-01",
            "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
            "00-00000000000000000000000000000000-00f067aa0ba902b7-01", "00-4bf92f35-00f067aa0ba902b7-01"})
    void hasNoTraceIdForMissingOrInvalidTraceparents(String traceparent) {
        assertThat(TraceContext.traceIdOf(traceparent)).isEmpty();
        assertThat(TraceContext.traceIdOrNull(traceparent)).isNull();
    }

    @Test
    void extractsTheRemoteParentOfStoredHeaders() {
        var span = Span.fromContext(TraceContext.extract(Map.of("traceparent", TRACEPARENT))).getSpanContext();

        assertThat(span.isRemote()).isTrue();
        assertThat(span.getTraceId()).isEqualTo(TRACE_ID);
        assertThat(span.getSpanId()).isEqualTo("00f067aa0ba902b7");
        assertThat(Span.fromContext(TraceContext.extract(Map.of())).getSpanContext().isValid()).isFalse();
    }

    @Test
    void injectsNothingWithoutACurrentSpan() {
        Map<String, String> headers = new HashMap<>();
        TraceContext.injectCurrent(headers);
        assertThat(headers).isEmpty();
    }

    @Test
    void injectsTheCurrentSpanWhenThereIsOne() {
        Map<String, String> headers = new HashMap<>();
        assertThat(TraceContext.hasCurrentSpan()).isFalse();
        try (var scope = TraceContext.extract(Map.of("traceparent", TRACEPARENT)).makeCurrent()) {
            assertThat(TraceContext.hasCurrentSpan()).isTrue();
            TraceContext.injectCurrent(headers);
        }
        assertThat(headers).containsEntry("traceparent", TRACEPARENT);
    }
}
