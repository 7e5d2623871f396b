package io.banksuite.notification.application.port.out;

import java.util.Optional;
import java.util.UUID;

import io.banksuite.notification.domain.RecordedCharge;

/** The charges' outcomes, one per transaction. */
public interface ChargeStore {

    Optional<RecordedCharge> find(UUID transactionId);

    /** {@code false} if the transaction's outcome was recorded before (it stands; this one is dropped). */
    boolean record(RecordedCharge charge);
}
