package io.banksuite.schemas.serde;

import java.util.Map;

/**
 * The configuration of the serde. The property names are Confluent's own, so that Confluent's
 * {@code KafkaAvroSerializer} can replace ours by configuration alone.
 */
public record AvroSerdeConfig(String schemaRegistryUrl, boolean autoRegisterSchemas, boolean useLatestVersion,
                              boolean specificAvroReader) {

    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String USE_LATEST_VERSION = "use.latest.version";
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";

    public AvroSerdeConfig {
        if (schemaRegistryUrl == null || schemaRegistryUrl.isBlank()) {
            throw new IllegalArgumentException("Missing required configuration \"" + SCHEMA_REGISTRY_URL + "\"");
        }
    }

    public static AvroSerdeConfig from(Map<String, ?> configs) {
        Object url = configs.get(SCHEMA_REGISTRY_URL);
        return new AvroSerdeConfig(
                url == null ? null : firstUrl(url.toString()),
                flag(configs, AUTO_REGISTER_SCHEMAS, true),
                flag(configs, USE_LATEST_VERSION, false),
                flag(configs, SPECIFIC_AVRO_READER, false));
    }

    /** Confluent accepts a comma-separated list of registry URLs; this client uses the first. */
    private static String firstUrl(String urls) {
        return urls.split(",")[0].trim();
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
