package io.banksuite.outbox;

/** Names of the message headers that the outbox and its relays set. */
public final class OutboxHeaders {

    /** W3C Trace Context parent of the request that wrote the row. */
    public static final String TRACEPARENT = "traceparent";

    /** W3C Trace Context vendor state, stored when present. */
    public static final String TRACESTATE = "tracestate";

    /** The row's event id, which relays publish as a header so that consumers can deduplicate without decoding. */
    public static final String EVENT_ID = "event_id";

    private OutboxHeaders() {
    }
}
