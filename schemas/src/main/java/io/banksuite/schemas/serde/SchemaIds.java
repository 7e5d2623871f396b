package io.banksuite.schemas.serde;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

/**
 * The registry id under which a writer schema goes on the wire, following Confluent's serializer settings:
 * <ul>
 *   <li>{@code auto.register.schemas=true}: register the schema, or find it if registered;</li>
 *   <li>{@code auto.register.schemas=false}, {@code use.latest.version=true}: the subject's latest version, which
 *       must be the writer schema (the payload is written with it and is not re-encoded);</li>
 *   <li>both false (production without auto-registration): the id of the schema, which must already be
 *       registered under the subject.</li>
 * </ul>
 * Subjects follow Confluent's default TopicNameStrategy. Used by {@link ConfluentAvroSerializer} and by relays that
 * frame payloads already encoded elsewhere (outbox rows carry their schema as text).
 */
public class SchemaIds {

    private final SchemaRegistryClient registry;
    private final boolean autoRegister;
    private final boolean useLatestVersion;
    private final Map<SubjectText, Integer> idsBySchemaText = new ConcurrentHashMap<>();

    public SchemaIds(SchemaRegistryClient registry, boolean autoRegister, boolean useLatestVersion) {
        this.registry = registry;
        this.autoRegister = autoRegister;
        this.useLatestVersion = useLatestVersion;
    }

    public SchemaIds(SchemaRegistryClient registry, AvroSerdeConfig config) {
        this(registry, config.autoRegisterSchemas(), config.useLatestVersion());
    }

    /** The subject of a topic's keys or values under Confluent's TopicNameStrategy. */
    public static String subject(String topic, boolean isKey) {
        return topic + (isKey ? "-key" : "-value");
    }

    /**
     * The id of a value schema given as text, cached per (topic, text): an id never changes, and the text of one
     * event type is the same in every outbox row, so the registry is asked once per event type and topic.
     *
     * @throws org.apache.avro.SchemaParseException when the text is not an Avro schema
     */
    public int valueSchemaId(String topic, String schemaText) {
        String subject = subject(topic, false);
        SubjectText key = new SubjectText(subject, schemaText);
        Integer cached = idsBySchemaText.get(key);
        if (cached != null) {
            return cached;
        }
        int id = idFor(subject, new Schema.Parser().parse(schemaText));
        idsBySchemaText.put(key, id);
        return id;
    }

    /**
     * @throws SchemaRegistryException when the registry refuses or cannot be reached
     * @throws IllegalStateException when the subject's latest version is not this schema (use.latest.version)
     */
    public int idFor(String subject, Schema schema) {
        if (autoRegister) {
            return registry.register(subject, schema);
        }
        if (useLatestVersion) {
            SchemaRegistryClient.RegisteredSchema latest = registry.latest(subject);
            if (SchemaNormalization.parsingFingerprint64(latest.schema())
                    != SchemaNormalization.parsingFingerprint64(schema)) {
                throw new IllegalStateException("The latest schema of " + subject + " (id " + latest.id()
                        + ", version " + latest.version() + ") is not the writer schema " + schema.getFullName());
            }
            return latest.id();
        }
        return registry.lookup(subject, schema);
    }

    private record SubjectText(String subject, String schemaText) {
    }
}
