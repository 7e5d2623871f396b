package io.banksuite.schemas;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * The BACKWARD rule of the schema registry, checked before anything reaches a registry: a consumer on the new schema
 * must read every event written with any earlier version (BACKWARD_TRANSITIVE, since Kafka keeps old events).
 */
public final class SchemaEvolution {

    private SchemaEvolution() {
    }

    /** The reasons why {@code candidate} cannot read data written with each of {@code earlier}; empty if none. */
    public static List<String> backwardIncompatibilities(Schema candidate, List<Schema> earlier) {
        List<String> problems = new ArrayList<>();
        for (int version = 0; version < earlier.size(); version++) {
            SchemaPairCompatibility result =
                    SchemaCompatibility.checkReaderWriterCompatibility(candidate, earlier.get(version));
            if (result.getType() != SchemaCompatibilityType.COMPATIBLE) {
                problems.add("cannot read version " + (version + 1) + ": "
                        + result.getResult().getIncompatibilities().stream()
                        .map(i -> i.getType() + " at " + i.getLocation() + " (" + i.getMessage() + ")")
                        .toList());
            }
        }
        return problems;
    }
}
