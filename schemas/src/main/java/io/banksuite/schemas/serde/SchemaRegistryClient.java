package io.banksuite.schemas.serde;

import org.apache.avro.Schema;

/**
 * The calls of the Confluent Schema Registry REST API that the suite needs. Works against Confluent Schema Registry,
 * Apicurio's Confluent-compatible API, Karapace and Redpanda.
 */
public interface SchemaRegistryClient {

    /** Registers the schema under the subject (or finds it, if already registered) and returns its global id. */
    int register(String subject, Schema schema);

    /** The id of a schema already registered under the subject; fails if it is not registered. */
    int lookup(String subject, Schema schema);

    /** The latest version registered under the subject. */
    RegisteredSchema latest(String subject);

    /** The schema with the given global id. */
    Schema getById(int id);

    /** Whether the schema may be registered under the subject by the subject's compatibility level. */
    boolean testCompatibility(String subject, Schema schema);

    /** Sets the subject's compatibility level: BACKWARD, FORWARD, FULL, their _TRANSITIVE forms, or NONE. */
    void setCompatibility(String subject, String level);

    record RegisteredSchema(String subject, int id, int version, Schema schema) {
    }
}
