package io.banksuite.notification.application;

import io.banksuite.notification.domain.FailureClass;
import io.banksuite.notification.domain.RecordedCharge;

/** What {@link ChargeService} did with one charge request. */
public sealed interface ChargeResult {

    /** The transaction's outcome was recorded before: nothing was done (no processor call). */
    record AlreadyDecided(RecordedCharge outcome) implements ChargeResult {
    }

    /** Settled or declined now. */
    record Decided(RecordedCharge outcome) implements ChargeResult {
    }

    /** No outcome yet: the processor gave no answer to act on. */
    record Failed(FailureClass failureClass, String reason) implements ChargeResult {
    }
}
