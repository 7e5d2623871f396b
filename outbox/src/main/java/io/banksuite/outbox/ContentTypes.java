package io.banksuite.outbox;

/** Values of the outbox's {@code content_type} column. */
public final class ContentTypes {

    /** Plain Avro binary encoding; the row's {@code payload_schema} holds the writer schema. */
    public static final String AVRO_BINARY = "avro/binary";

    /** UTF-8 JSON. */
    public static final String JSON = "application/json";

    private ContentTypes() {
    }
}
