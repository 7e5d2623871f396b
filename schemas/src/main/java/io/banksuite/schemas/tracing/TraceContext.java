package io.banksuite.schemas.tracing;

import java.util.Map;
import java.util.Optional;

import io.banksuite.schemas.MessageHeaders;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * Reads and writes the W3C trace context of a message ({@code traceparent}, {@code tracestate}) with the
 * OpenTelemetry propagator, the same rules the OpenTelemetry Java agent applies. Only the OpenTelemetry API is used:
 * without the agent the current span is invalid, so nothing is written, and what is read can still be logged.
 */
public final class TraceContext {

    private static final TextMapGetter<Map<String, String>> MAP_GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private TraceContext() {
    }

    /** Whether a span is current (a tracing agent runs and this thread is inside one of its spans). */
    public static boolean hasCurrentSpan() {
        return Span.current().getSpanContext().isValid();
    }

    /** Adds {@code traceparent} (and {@code tracestate}) of the current span, when it is valid, to the headers. */
    public static void injectCurrent(Map<String, String> headers) {
        if (Span.current().getSpanContext().isValid()) {
            W3CTraceContextPropagator.getInstance().inject(Context.current(), headers, Map::put);
        }
    }

    /**
     * The context the headers describe, under the root context (the root context when they hold none). Make it
     * current while publishing, so that the agent's producer span continues the original trace.
     */
    public static Context extract(Map<String, String> headers) {
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), headers, MAP_GETTER);
    }

    /**
     * Starts a span of {@code kind} for one message of a batch. Its parent is the message's own context (its
     * {@code traceparent} when valid; null for none), and it links to the span current on this thread (the batch's),
     * so that each message's trace shows what happened to it even when many are handled together. Without the agent
     * the span is a no-op. The caller ends it.
     */
    public static Span startMessageSpan(String instrumentation, String name, SpanKind kind,
                                        String traceparent) {
        Context parent = traceparent == null
                ? Context.root() : extract(Map.of(MessageHeaders.TRACEPARENT, traceparent.trim()));
        var builder = GlobalOpenTelemetry.getTracer(instrumentation).spanBuilder(name).setSpanKind(kind)
                .setParent(parent);
        SpanContext batch = Span.current().getSpanContext();
        if (batch.isValid()) {
            builder.addLink(batch);
        }
        return builder.startSpan();
    }

    /** The trace id inside a W3C traceparent value; empty when it is absent or not a valid traceparent. */
    public static Optional<String> traceIdOf(String traceparent) {
        SpanContext span = spanContextOf(traceparent);
        return span.isValid() ? Optional.of(span.getTraceId()) : Optional.empty();
    }

    /** The trace id, or null: for log lines, which must never fail on a bad header. */
    public static String traceIdOrNull(String traceparent) {
        return traceIdOf(traceparent).orElse(null);
    }

    private static SpanContext spanContextOf(String traceparent) {
        if (traceparent == null) {
            return SpanContext.getInvalid();
        }
        return Span.fromContext(extract(Map.of(MessageHeaders.TRACEPARENT, traceparent.trim()))).getSpanContext();
    }
}
