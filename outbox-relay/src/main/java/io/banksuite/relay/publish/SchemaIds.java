package io.banksuite.relay.publish;

import io.banksuite.schemas.serde.SchemaRegistryClient;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registry id of an outbox row's writer schema under the subject {@code <topic>-value} (Confluent's default
 * TopicNameStrategy), following Confluent's serializer settings:
 * <ul>
 *   <li>{@code auto.register.schemas=true} (the local default): register the schema, or find it if registered;</li>
 *   <li>{@code auto.register.schemas=false}, {@code use.latest.version=true}: the subject's latest version, which
 *       must be the row's schema (the payload was written with it and is not re-encoded);</li>
 *   <li>both false (production without auto-registration): the id of the row's schema, which must already be
 *       registered under the subject.</li>
 * </ul>
 * Ids are cached per (subject, schema text): an id never changes, and the text of one event type is the same in
 * every row, so the registry is asked once per event type and topic.
 */
public class SchemaIds {

    private final SchemaRegistryClient registry;
    private final boolean autoRegister;
    private final boolean useLatestVersion;
    private final Map<Key, Integer> ids = new ConcurrentHashMap<>();

    public SchemaIds(SchemaRegistryClient registry, boolean autoRegister, boolean useLatestVersion) {
        this.registry = registry;
        this.autoRegister = autoRegister;
        this.useLatestVersion = useLatestVersion;
    }

    /** The subject of a topic's values. */
    public static String valueSubject(String topic) {
        return topic + "-value";
    }

    /**
     * @throws org.apache.avro.SchemaParseException when the text is not an Avro schema
     * @throws io.banksuite.schemas.serde.SchemaRegistryException when the registry refuses or cannot be reached
     * @throws IllegalStateException when the subject's latest version is not this schema (use.latest.version)
     */
    public int idFor(String topic, String schemaText) {
        String subject = valueSubject(topic);
        Integer cached = ids.get(new Key(subject, schemaText));
        if (cached != null) {
            return cached;
        }
        int id = resolve(subject, new Schema.Parser().parse(schemaText));
        ids.put(new Key(subject, schemaText), id);
        return id;
    }

    private int resolve(String subject, Schema schema) {
        if (autoRegister) {
            return registry.register(subject, schema);
        }
        if (useLatestVersion) {
            SchemaRegistryClient.RegisteredSchema latest = registry.latest(subject);
            if (SchemaNormalization.parsingFingerprint64(latest.schema())
                    != SchemaNormalization.parsingFingerprint64(schema)) {
                throw new IllegalStateException("The latest schema of " + subject + " (id " + latest.id()
                        + ", version " + latest.version() + ") is not the row's writer schema "
                        + schema.getFullName());
            }
            return latest.id();
        }
        return registry.lookup(subject, schema);
    }

    private record Key(String subject, String schemaText) {
    }
}
