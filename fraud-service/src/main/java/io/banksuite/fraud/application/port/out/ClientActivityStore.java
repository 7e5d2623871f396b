package io.banksuite.fraud.application.port.out;

import java.time.Instant;
import java.util.UUID;

import io.banksuite.fraud.domain.ClientActivity;

/** Which transactions each client made, and when (event time): the history behind the velocity rule. */
public interface ClientActivityStore {

    /** Records a transaction; one already recorded is left as it is. */
    void record(String clientId, UUID transactionId, Instant occurredAt);

    /** The client's other transactions that occurred in [from, to]. */
    ClientActivity between(String clientId, UUID excludedTransactionId, Instant from, Instant to);

    /** Deletes what was recorded before the cutoff; returns how many entries. */
    int purgeRecordedBefore(Instant cutoff);
}
