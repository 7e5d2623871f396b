package io.banksuite.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The suite's JSON messages on RabbitMQ, each defined by a JSON Schema (draft 2020-12) shipped in this jar and by
 * its Java record. Every released version of a schema is kept under
 * {@code src/test/resources/schema-history/<name>/vN.schema.json} with a message of that version,
 * {@code vN.example.json}, and a change must stay readable both ways: the current schema accepts every earlier
 * version's messages, and every earlier schema accepts the current messages (FULL_TRANSITIVE), because producer and
 * consumer are deployed independently.
 */
public enum JsonContract {

    /** {@code io.banksuite.schemas.notification.NotificationJob}: a fraud alert, on the alerts fanout. */
    NOTIFICATION_JOB("notification-job", "/io/banksuite/schemas/notification/notification-job.schema.json"),
    /** {@code io.banksuite.schemas.charge.ChargeRequest}: charge a card for one transaction. */
    CHARGE_REQUEST("charge-request", "/io/banksuite/schemas/charge/charge-request.schema.json"),
    /** {@code io.banksuite.schemas.charge.ChargeOutcome}: how that charge ended. */
    CHARGE_OUTCOME("charge-outcome", "/io/banksuite/schemas/charge/charge-outcome.schema.json");

    /** The content type of every such message. */
    public static final String CONTENT_TYPE = "application/json";

    private final String subject;
    private final String resource;

    JsonContract(String subject, String resource) {
        this.subject = subject;
        this.resource = resource;
    }

    /** The name of its history folder, {@code schema-history/<subject>}. */
    public String subject() {
        return subject;
    }

    /** The schema's class-path location. */
    public String resource() {
        return resource;
    }

    /** The schema's text. */
    public String text() {
        try (InputStream in = JsonContract.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource + " on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
