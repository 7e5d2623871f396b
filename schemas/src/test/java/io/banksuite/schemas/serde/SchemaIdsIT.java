package io.banksuite.schemas.serde;

import io.banksuite.local.SchemaRegistryServer;
import org.apache.avro.Schema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How a schema id is found for a value schema given as text (an outbox row's), per Confluent's settings, against the real registry. */
class SchemaIdsIT {

    private static final String V1 = """
            {"type":"record","name":"Thing","namespace":"test","fields":[{"name":"a","type":"int"}]}""";
    private static final String V2 = """
            {"type":"record","name":"Thing","namespace":"test","fields":[{"name":"a","type":"int"},
             {"name":"b","type":["null","string"],"default":null}]}""";

    private static RestSchemaRegistryClient registry;

    @BeforeAll
    static void registry() {
        registry = new RestSchemaRegistryClient(SchemaRegistryServer.shared().url());
    }

    @Test
    void autoRegisterRegistersOnceUnderTheTopicsValueSubject() {
        String topic = topic();
        var calls = new AtomicInteger();
        var ids = new SchemaIds(counting(registry, calls), true, false);
        int id = ids.valueSchemaId(topic, V1);
        assertThat(ids.valueSchemaId(topic, V1)).isEqualTo(id);
        assertThat(calls).as("cached per schema text").hasValue(1);
        assertThat(registry.latest(topic + "-value").id()).isEqualTo(id);
        assertThat(registry.getById(id)).isEqualTo(new Schema.Parser().parse(V1));
    }

    @Test
    void withoutAutoRegisterTheSchemaMustAlreadyBeRegistered() {
        String topic = topic();
        var ids = new SchemaIds(registry, false, false);
        assertThatThrownBy(() -> ids.valueSchemaId(topic, V1)).isInstanceOf(SchemaRegistryException.class);
        int registered = registry.register(topic + "-value", new Schema.Parser().parse(V1));
        assertThat(ids.valueSchemaId(topic, V1)).isEqualTo(registered);
    }

    @Test
    void useLatestVersionTakesTheLatestIdOnlyIfItIsTheRowsSchema() {
        String topic = topic();
        String subject = topic + "-value";
        registry.register(subject, new Schema.Parser().parse(V1));
        int latest = registry.register(subject, new Schema.Parser().parse(V2));
        var ids = new SchemaIds(registry, false, true);
        assertThat(ids.valueSchemaId(topic, V2)).isEqualTo(latest);
        assertThatThrownBy(() -> ids.valueSchemaId(topic, V1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("latest schema of " + subject);
    }

    @Test
    void aRowWithoutAValidSchemaFails() {
        var ids = new SchemaIds(registry, true, false);
        assertThatThrownBy(() -> ids.valueSchemaId(topic(), "{not a schema"))
                .isInstanceOf(org.apache.avro.SchemaParseException.class);
    }

    private static String topic() {
        return "schema-ids." + UUID.randomUUID();
    }

    private static SchemaRegistryClient counting(SchemaRegistryClient delegate, AtomicInteger calls) {
        return new SchemaRegistryClient() {
            @Override
            public int register(String subject, Schema schema) {
                calls.incrementAndGet();
                return delegate.register(subject, schema);
            }

            @Override
            public int lookup(String subject, Schema schema) {
                calls.incrementAndGet();
                return delegate.lookup(subject, schema);
            }

            @Override
            public RegisteredSchema latest(String subject) {
                return delegate.latest(subject);
            }

            @Override
            public Schema getById(int id) {
                return delegate.getById(id);
            }

            @Override
            public boolean testCompatibility(String subject, Schema schema) {
                return delegate.testCompatibility(subject, schema);
            }

            @Override
            public void setCompatibility(String subject, String level) {
                delegate.setCompatibility(subject, level);
            }
        };
    }
}
