package io.banksuite.schemas;

/**
 * The MDC keys of the suite's log lines. Every service's log format prints them (service-runtime), and whatever
 * handles a message puts its ids under them, so one trace or one event can be followed through every log.
 */
public final class MdcKeys {

    /** The W3C trace id (32 hex digits). */
    public static final String TRACE_ID = "traceId";

    /** The W3C span id (16 hex digits), when a tracing agent set one. */
    public static final String SPAN_ID = "spanId";

    /** The id of the event or job being handled: a Kafka event's eventId, a notification job's jobId. */
    public static final String EVENT_ID = "eventId";

    private MdcKeys() {
    }
}
