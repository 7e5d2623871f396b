package io.banksuite.fraud.application.port.out;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.banksuite.fraud.domain.FraudDecision;

/** One fraud decision per transaction. */
public interface DecisionStore {

    /** Stores the decision unless the transaction already has one; returns whether it was stored. */
    boolean insert(FraudDecision decision);

    Optional<FraudDecision> find(UUID transactionId);

    /** The latest decisions, newest first; only flagged or only clean ones when {@code flagged} is given. */
    List<FraudDecision> latest(Optional<Boolean> flagged, int limit);
}
