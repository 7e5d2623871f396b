package io.banksuite.ml.application.port.out;

import java.util.Optional;

import io.banksuite.ml.domain.ClientProfile;

/** The latest profile of each client. */
public interface ClientProfileStore {

    /**
     * Keeps the profile unless one of the same or a higher version is kept already (a redelivered, replayed or
     * overtaken event).
     *
     * @return whether it was kept
     */
    boolean keepIfNewer(ClientProfile profile);

    Optional<ClientProfile> find(String clientId);
}
