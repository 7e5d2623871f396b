package io.banksuite.transaction.domain;

import java.util.OptionalLong;
import java.util.Set;

/**
 * A write's condition on the version it replaces (RFC 9110 If-Match / If-None-Match, with versions as entity
 * tags), so that two clients cannot overwrite each other's change unseen.
 */
public sealed interface Precondition {

    /** No condition: allowed only to create (a resource that exists needs {@link IfMatch}). */
    Precondition NONE = new None();

    /** {@code If-None-Match: *}: only if nothing exists yet. */
    Precondition IF_NONE_EXISTS = new IfNoneExists();

    /** {@code If-Match: *}: any existing version. */
    Precondition IF_ANY_EXISTS = new IfMatch(Set.of(), true);

    static Precondition ifMatch(Set<Long> versions) {
        return new IfMatch(Set.copyOf(versions), false);
    }

    /** Whether the write may replace {@code current} (empty when nothing exists yet). */
    boolean holdsFor(OptionalLong current);

    record None() implements Precondition {
        @Override
        public boolean holdsFor(OptionalLong current) {
            return current.isEmpty();
        }
    }

    record IfNoneExists() implements Precondition {
        @Override
        public boolean holdsFor(OptionalLong current) {
            return current.isEmpty();
        }
    }

    /** @param any {@code *}: any existing version matches */
    record IfMatch(Set<Long> versions, boolean any) implements Precondition {
        @Override
        public boolean holdsFor(OptionalLong current) {
            return current.isPresent() && (any || versions.contains(current.getAsLong()));
        }
    }
}
