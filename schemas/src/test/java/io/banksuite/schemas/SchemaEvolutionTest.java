package io.banksuite.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every released version of every value schema is kept in src/test/resources/schema-history/&lt;subject&gt;/vN.avsc.
 * A change to a schema must be recorded there as a new version, and must be able to read all earlier versions.
 */
class SchemaEvolutionTest {

    static List<Topics.Topic> topics() {
        return Topics.all();
    }

    @ParameterizedTest
    @MethodSource("topics")
    void theCurrentSchemaReadsEveryReleasedVersion(Topics.Topic topic) {
        assertThat(SchemaEvolution.backwardIncompatibilities(topic.valueSchema(), history(topic.valueSubject())))
                .as("BACKWARD_TRANSITIVE compatibility of %s", topic.valueSubject())
                .isEmpty();
    }

    @ParameterizedTest
    @MethodSource("topics")
    void theCurrentSchemaIsRecordedAsTheLatestVersion(Topics.Topic topic) {
        List<Schema> history = history(topic.valueSubject());

        assertThat(history).as("schema history of %s", topic.valueSubject()).isNotEmpty();
        assertThat(SchemaNormalization.toParsingForm(history.get(history.size() - 1)))
                .as("copy %s as the next vN.avsc under schema-history/%s", topic.valueSchema().getName(),
                        topic.valueSubject())
                .isEqualTo(SchemaNormalization.toParsingForm(topic.valueSchema()));
    }

    @Test
    void aNewRequiredFieldIsAnIncompatibleChange() {
        Schema current = Topics.TRANSACTION_CREATED.valueSchema();
        List<Schema.Field> fields = new ArrayList<>();
        current.getFields().forEach(f -> fields.add(new Schema.Field(f, f.schema())));
        fields.add(new Schema.Field("riskScore", SchemaBuilder.builder().intType(), "no default", (Object) null));
        Schema changed = Schema.createRecord(current.getName(), current.getDoc(), current.getNamespace(), false, fields);

        assertThat(SchemaEvolution.backwardIncompatibilities(changed, List.of(current)))
                .singleElement().asString().contains("READER_FIELD_MISSING_DEFAULT").contains("riskScore");
    }

    @Test
    void aNewOptionalFieldIsACompatibleChange() {
        Schema current = Topics.TRANSACTION_CREATED.valueSchema();
        List<Schema.Field> fields = new ArrayList<>();
        current.getFields().forEach(f -> fields.add(new Schema.Field(f, f.schema())));
        fields.add(new Schema.Field("riskScore", SchemaBuilder.unionOf().nullType().and().intType().endUnion(), null,
                Schema.Field.NULL_DEFAULT_VALUE));
        Schema changed = Schema.createRecord(current.getName(), current.getDoc(), current.getNamespace(), false, fields);

        assertThat(SchemaEvolution.backwardIncompatibilities(changed, List.of(current))).isEmpty();
    }

    private static List<Schema> history(String subject) {
        List<Schema> versions = new ArrayList<>();
        for (int version = 1; ; version++) {
            String resource = "/schema-history/" + subject + "/v" + version + ".avsc";
            try (InputStream in = SchemaEvolutionTest.class.getResourceAsStream(resource)) {
                if (in == null) {
                    return versions;
                }
                versions.add(new Schema.Parser().parse(in));
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read " + resource, e);
            }
        }
    }
}
