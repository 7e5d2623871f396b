package io.banksuite.outbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The outbox table's reference DDL, shipped as {@value #DDL_RESOURCE} (for owners' migrations and tests). */
public final class OutboxSchema {

    /** Classpath location of the DDL. */
    public static final String DDL_RESOURCE = "io/banksuite/outbox/outbox.sql";

    /** The table's name. */
    public static final String TABLE = "outbox";

    private OutboxSchema() {
    }

    /** The DDL script (comments, CREATE TABLE and CREATE INDEX), runnable as one JDBC statement batch. */
    public static String ddl() {
        try (InputStream in = OutboxSchema.class.getClassLoader().getResourceAsStream(DDL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + DDL_RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + DDL_RESOURCE, e);
        }
    }
}
