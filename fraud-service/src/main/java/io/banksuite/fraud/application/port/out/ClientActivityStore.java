package io.banksuite.fraud.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.banksuite.fraud.domain.ClientHistory.EarlierTransaction;
import io.banksuite.fraud.domain.TransactionFacts;

/**
 * Which transactions each client made, when (event time) and for how much: the history behind the velocity and
 * daily-limit rules.
 */
public interface ClientActivityStore {

    /** Records a transaction; one already recorded is left as it is. */
    void record(TransactionFacts transaction);

    /** The client's other transactions that occurred in [from, to]. */
    List<EarlierTransaction> between(String clientId, UUID excludedTransactionId, Instant from, Instant to);

    /** Deletes what was recorded before the cutoff; returns how many entries. */
    int purgeRecordedBefore(Instant cutoff);
}
