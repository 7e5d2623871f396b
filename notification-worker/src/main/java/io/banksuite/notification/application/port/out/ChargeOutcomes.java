package io.banksuite.notification.application.port.out;

import io.banksuite.notification.domain.RecordedCharge;

/** Tells transaction-service how a charge ended. */
public interface ChargeOutcomes {

    /**
     * Announces the outcome just recorded. Must run inside the database transaction that recorded it, so that the
     * announcement exists if and only if the outcome does.
     */
    void announce(RecordedCharge charge);
}
