package io.banksuite.outbox;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

import java.util.Map;
import java.util.Optional;

/**
 * Carries the OpenTelemetry context across the outbox: the writer stores the current W3C {@code traceparent}
 * with the row, and a relay restores it as the current context while it publishes, so that the agent's producer
 * span (and the header it writes) continues the trace of the request instead of starting a new one.
 * Only the OpenTelemetry API is used; without the agent the current span is invalid and nothing is stored.
 */
public final class OutboxTracing {

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

    private OutboxTracing() {
    }

    /** Adds {@code traceparent} (and {@code tracestate}) of the current span, when it is valid, to the headers. */
    public static void injectCurrent(Map<String, String> headers) {
        if (Span.current().getSpanContext().isValid()) {
            W3CTraceContextPropagator.getInstance().inject(Context.current(), headers, Map::put);
        }
    }

    /** The context that the stored headers describe, under the root context; the root context when they hold none. */
    public static Context extract(Map<String, String> headers) {
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), headers, MAP_GETTER);
    }

    /** The trace id inside a W3C traceparent value, read by the same propagator as {@link #extract}. */
    public static Optional<String> traceIdOf(String traceparent) {
        if (traceparent == null) {
            return Optional.empty();
        }
        var spanContext = Span.fromContext(extract(Map.of(OutboxHeaders.TRACEPARENT, traceparent.trim())))
                .getSpanContext();
        return spanContext.isValid() ? Optional.of(spanContext.getTraceId()) : Optional.empty();
    }
}
