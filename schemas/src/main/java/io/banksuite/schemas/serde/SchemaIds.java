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
 * Value subjects are named by the configured {@link SubjectNameStrategy} ({@code value.subject.name.strategy},
 * Confluent's TopicNameStrategy by default). Used by {@link ConfluentAvroSerializer} and by relays that frame
 * payloads already encoded elsewhere (outbox rows carry their schema as text).
 */
public class SchemaIds {

    private final SchemaRegistryClient registry;
    private final boolean autoRegister;
    private final boolean useLatestVersion;
    private final SubjectNameStrategy valueSubjects;
    private final Map<TopicText, Integer> idsBySchemaText = new ConcurrentHashMap<>();

    public SchemaIds(SchemaRegistryClient registry, boolean autoRegister, boolean useLatestVersion,
                     SubjectNameStrategy valueSubjects) {
        this.registry = registry;
        this.autoRegister = autoRegister;
        this.useLatestVersion = useLatestVersion;
        this.valueSubjects = valueSubjects;
    }

    /** With Confluent's default TopicNameStrategy. */
    public SchemaIds(SchemaRegistryClient registry, boolean autoRegister, boolean useLatestVersion) {
        this(registry, autoRegister, useLatestVersion, SubjectNameStrategy.TOPIC_NAME);
    }

    public SchemaIds(SchemaRegistryClient registry, AvroSerdeConfig config) {
        this(registry, config.autoRegisterSchemas(), config.useLatestVersion(), config.valueSubjectNameStrategy());
    }

    /**
     * The id of a value schema given as text, cached per (topic, text): an id never changes, and the text of one
     * event type is the same in every outbox row, so the registry is asked once per event type and topic.
     *
     * @throws org.apache.avro.SchemaParseException when the text is not an Avro schema
     */
    public int valueSchemaId(String topic, String schemaText) {
        TopicText key = new TopicText(topic, schemaText);
        Integer cached = idsBySchemaText.get(key);
        if (cached != null) {
            return cached;
        }
        Schema schema = new Schema.Parser().parse(schemaText);
        int id = idFor(valueSubjects.subject(topic, false, schema), schema);
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

    private record TopicText(String topic, String schemaText) {
    }
}
