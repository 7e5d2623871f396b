package io.banksuite.schemas.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The JSON Schema (draft 2020-12) of {@link NotificationJob}, shipped in this jar. Every released version is kept
 * under {@code src/test/resources/schema-history/notification-job/vN.schema.json} with an example message, and a
 * change must stay readable both ways: the current schema accepts every earlier version's messages, and every
 * earlier schema accepts the current messages (FULL_TRANSITIVE), because producer and worker are deployed
 * independently.
 */
public final class NotificationJobSchema {

    /** The schema's class-path location. */
    public static final String RESOURCE = "/io/banksuite/schemas/notification/notification-job.schema.json";

    /** The content type of a job message. */
    public static final String CONTENT_TYPE = "application/json";

    private NotificationJobSchema() {
    }

    /** The schema's text. */
    public static String text() {
        try (InputStream in = NotificationJobSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + RESOURCE + " on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }
}
