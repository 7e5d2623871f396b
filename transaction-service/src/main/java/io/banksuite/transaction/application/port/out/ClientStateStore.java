package io.banksuite.transaction.application.port.out;

import java.util.Optional;

import io.banksuite.transaction.domain.ClientState;
import io.banksuite.transaction.domain.Versioned;

/**
 * Where the versions of one kind of client state (the profile, or the limits) are kept: every version, the
 * highest being the current one.
 */
public interface ClientStateStore<S extends ClientState> {

    /** The client's latest version, if any. */
    Optional<Versioned<S>> current(String clientId);

    /** The version that the client's request with this idempotency key made, with that request's digest. */
    Optional<KeyedVersion<S>> byIdempotencyKey(String clientId, String idempotencyKey);

    /**
     * Adds the version unless that version number, or the client's idempotency key, was taken meanwhile; then
     * nothing is written. A concurrent insert of the same version waits for the other's outcome.
     *
     * @return whether it was added
     */
    boolean insert(Versioned<S> version, String idempotencyKey, String requestFingerprint);

    record KeyedVersion<S extends ClientState>(Versioned<S> version, String requestFingerprint) {
    }
}
