package io.banksuite.fraud.application.port.out;

import java.time.Instant;
import java.util.Optional;

import io.banksuite.fraud.domain.ClientStanding;
import io.banksuite.fraud.domain.ClientStatus;
import io.banksuite.fraud.domain.SpendingLimit;

/** Every change of each client's status and limits, by the time it took effect. */
public interface ClientStandingStore {

    /** Keeps the change; a version already kept (a redelivered or replayed event) is left as it is. */
    void record(ClientStanding change);

    /** The status in force at {@code at}: that of the latest change that took effect at or before it. */
    Optional<ClientStatus> statusAt(String clientId, Instant at);

    /**
     * The limit in {@code currency} in force at {@code at}: from the latest limits that took effect at or before it;
     * empty when those have none in that currency, or when none had taken effect.
     */
    Optional<SpendingLimit> limitAt(String clientId, String currency, Instant at);
}
