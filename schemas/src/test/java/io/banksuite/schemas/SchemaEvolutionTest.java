package io.banksuite.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every released version of every value schema is kept in src/test/resources/schema-history/&lt;subject&gt;/vN.avsc.
 * A change to a schema must be recorded there as a new version, and must be able to read all earlier versions.
 */
class SchemaEvolutionTest {

    /** Every value subject of the suite: one per event type and topic. */
    static Stream<Arguments> subjects() {
        return Topics.all().stream().flatMap(topic -> topic.eventTypes().stream()
                .map(type -> Arguments.of(topic.valueSubject(type), type.schema())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subjects")
    void theCurrentSchemaReadsEveryReleasedVersion(String subject, Schema current) {
        assertThat(SchemaEvolution.backwardIncompatibilities(current, history(subject)))
                .as("BACKWARD_TRANSITIVE compatibility of %s", subject)
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subjects")
    void theCurrentSchemaIsRecordedAsTheLatestVersion(String subject, Schema current) {
        List<Schema> history = history(subject);

        assertThat(history).as("schema history of %s", subject).isNotEmpty();
        assertThat(SchemaNormalization.toParsingForm(history.get(history.size() - 1)))
                .as("copy %s as the next vN.avsc under schema-history/%s", current.getName(), subject)
                .isEqualTo(SchemaNormalization.toParsingForm(current));
    }

    @Test
    void aNewRequiredFieldIsAnIncompatibleChange() {
        Schema current = Topics.TRANSACTION_CREATED.schema();
        List<Schema.Field> fields = new ArrayList<>();
        current.getFields().forEach(f -> fields.add(new Schema.Field(f, f.schema())));
        fields.add(new Schema.Field("riskScore", SchemaBuilder.builder().intType(), "no default", (Object) null));
        Schema changed = Schema.createRecord(current.getName(), current.getDoc(), current.getNamespace(), false, fields);

        assertThat(SchemaEvolution.backwardIncompatibilities(changed, List.of(current)))
                .singleElement().asString().contains("READER_FIELD_MISSING_DEFAULT").contains("riskScore");
    }

    @Test
    void aNewOptionalFieldIsACompatibleChange() {
        Schema current = Topics.TRANSACTION_CREATED.schema();
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
