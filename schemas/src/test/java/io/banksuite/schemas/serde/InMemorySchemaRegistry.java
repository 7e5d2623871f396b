package io.banksuite.schemas.serde;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/** A registry held in memory, for unit tests of the serde's framing only; integration tests use the real one. */
final class InMemorySchemaRegistry implements SchemaRegistryClient {

    private final List<Schema> schemas = new ArrayList<>();
    private final Map<String, List<Integer>> subjects = new HashMap<>();

    @Override
    public synchronized int register(String subject, Schema schema) {
        int index = schemas.indexOf(schema);
        if (index < 0) {
            schemas.add(schema);
            index = schemas.size() - 1;
        }
        int id = index + 1;
        List<Integer> versions = subjects.computeIfAbsent(subject, s -> new ArrayList<>());
        if (!versions.contains(id)) {
            versions.add(id);
        }
        return id;
    }

    @Override
    public synchronized int lookup(String subject, Schema schema) {
        int id = schemas.indexOf(schema) + 1;
        if (id == 0 || !subjects.getOrDefault(subject, List.of()).contains(id)) {
            throw new SchemaRegistryException("Schema not found under " + subject, 404, 40403, null);
        }
        return id;
    }

    @Override
    public synchronized RegisteredSchema latest(String subject) {
        List<Integer> versions = subjects.get(subject);
        if (versions == null) {
            throw new SchemaRegistryException("Subject not found: " + subject, 404, 40401, null);
        }
        int id = versions.get(versions.size() - 1);
        return new RegisteredSchema(subject, id, versions.size(), getById(id));
    }

    @Override
    public synchronized Schema getById(int id) {
        if (id < 1 || id > schemas.size()) {
            throw new SchemaRegistryException("Schema not found: " + id, 404, 40403, null);
        }
        return schemas.get(id - 1);
    }

    @Override
    public boolean testCompatibility(String subject, Schema schema) {
        throw new UnsupportedOperationException("not needed by the unit tests");
    }

    @Override
    public void setCompatibility(String subject, String level) {
        throw new UnsupportedOperationException("not needed by the unit tests");
    }
}
