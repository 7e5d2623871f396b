package io.banksuite.schemas;

/** Names of the message headers that cross service boundaries, on Kafka records and RabbitMQ messages alike. */
public final class MessageHeaders {

    /** W3C Trace Context parent of the request that caused the message. */
    public static final String TRACEPARENT = "traceparent";

    /** W3C Trace Context vendor state, carried when present. */
    public static final String TRACESTATE = "tracestate";

    /** The event's id on a Kafka record, so that a consumer can deduplicate or log it without decoding the value. */
    public static final String EVENT_ID = "event_id";

    /**
     * The event's type on a Kafka record ({@code transaction.created}, {@code client.updated}, ...; see
     * {@link Topics.EventType}), so that a consumer, a router or an operator can tell events apart without decoding
     * the value. The value's Avro record type says the same and is what consumers dispatch on.
     */
    public static final String EVENT_TYPE = "event_type";

    private MessageHeaders() {
    }
}
