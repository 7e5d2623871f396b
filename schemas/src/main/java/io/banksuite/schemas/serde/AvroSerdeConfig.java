package io.banksuite.schemas.serde;

import java.util.Map;
import java.util.Objects;

/**
 * The configuration of the serde. The property names are Confluent's own, so that Confluent's
 * {@code KafkaAvroSerializer} can replace ours by configuration alone.
 */
public record AvroSerdeConfig(String schemaRegistryUrl, boolean autoRegisterSchemas, boolean useLatestVersion,
                              boolean specificAvroReader, SubjectNameStrategy keySubjectNameStrategy,
                              SubjectNameStrategy valueSubjectNameStrategy) {

    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String USE_LATEST_VERSION = "use.latest.version";
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
    public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
    public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";

    public AvroSerdeConfig {
        if (schemaRegistryUrl == null || schemaRegistryUrl.isBlank()) {
            throw new IllegalArgumentException("Missing required configuration \"" + SCHEMA_REGISTRY_URL + "\"");
        }
        Objects.requireNonNull(keySubjectNameStrategy, "keySubjectNameStrategy");
        Objects.requireNonNull(valueSubjectNameStrategy, "valueSubjectNameStrategy");
    }

    /** With Confluent's default subject names (TopicNameStrategy). */
    public AvroSerdeConfig(String schemaRegistryUrl, boolean autoRegisterSchemas, boolean useLatestVersion,
                           boolean specificAvroReader) {
        this(schemaRegistryUrl, autoRegisterSchemas, useLatestVersion, specificAvroReader,
                SubjectNameStrategy.TOPIC_NAME, SubjectNameStrategy.TOPIC_NAME);
    }

    /** The strategy that names the subject of keys ({@code isKey}) or values. */
    public SubjectNameStrategy subjectNameStrategy(boolean isKey) {
        return isKey ? keySubjectNameStrategy : valueSubjectNameStrategy;
    }

    public static AvroSerdeConfig from(Map<String, ?> configs) {
        Object url = configs.get(SCHEMA_REGISTRY_URL);
        return new AvroSerdeConfig(
                url == null ? null : firstUrl(url.toString()),
                flag(configs, AUTO_REGISTER_SCHEMAS, true),
                flag(configs, USE_LATEST_VERSION, false),
                flag(configs, SPECIFIC_AVRO_READER, false),
                strategy(configs, KEY_SUBJECT_NAME_STRATEGY),
                strategy(configs, VALUE_SUBJECT_NAME_STRATEGY));
    }

    /** Confluent accepts a comma-separated list of registry URLs; this client uses the first. */
    private static String firstUrl(String urls) {
        return urls.split(",")[0].trim();
    }

    private static SubjectNameStrategy strategy(Map<String, ?> configs, String name) {
        Object value = configs.get(name);
        if (value == null) {
            return SubjectNameStrategy.TOPIC_NAME;
        }
        if (value instanceof Class<?> type) {
            return SubjectNameStrategy.of(type.getName());
        }
        try {
            return SubjectNameStrategy.of(value.toString());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Configuration \"" + name + "\": " + e.getMessage(), e);
        }
    }

    private static boolean flag(Map<String, ?> configs, String name, boolean fallback) {
        Object value = configs.get(name);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        String text = value.toString().trim();
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new IllegalArgumentException("Configuration \"" + name + "\" must be true or false, not \"" + text + "\"");
    }
}
