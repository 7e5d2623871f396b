package io.banksuite.transaction.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One version of a client's profile or limits.
 *
 * @param version   1 for the first, then one more per change; the resource's ETag
 * @param changedAt when this version took effect (its event's occurredAt)
 * @param eventId   the id of the event that announced it
 */
public record Versioned<S extends ClientState>(String clientId, long version, S state, Instant changedAt,
                                               UUID eventId) {

    public Versioned {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(changedAt, "changedAt");
        Objects.requireNonNull(eventId, "eventId");
        if (version < 1) {
            throw new IllegalArgumentException("Versions start at 1: " + version);
        }
    }
}
