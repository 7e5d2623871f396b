package io.banksuite.transaction.application.port.out;

import io.banksuite.transaction.domain.ClientLimits;
import io.banksuite.transaction.domain.ClientProfile;
import io.banksuite.transaction.domain.Versioned;

/** Announces changes of a client's profile and limits, in the caller's database transaction. */
public interface ClientEventPublisher {

    /** {@code client.updated}. */
    void profileChanged(Versioned<ClientProfile> profile);

    /** {@code limit.changed}. */
    void limitsChanged(Versioned<ClientLimits> limits);
}
