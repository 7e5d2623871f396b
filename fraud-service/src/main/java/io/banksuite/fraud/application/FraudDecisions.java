package io.banksuite.fraud.application;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.banksuite.fraud.application.port.out.DecisionStore;
import io.banksuite.fraud.domain.FraudDecision;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The decisions made so far, for the API. */
@Service
@Transactional(readOnly = true)
public class FraudDecisions {

    private final DecisionStore decisions;

    public FraudDecisions(DecisionStore decisions) {
        this.decisions = decisions;
    }

    public Optional<FraudDecision> of(UUID transactionId) {
        return decisions.find(transactionId);
    }

    /** The latest decisions, newest first; only flagged or only clean ones when {@code flagged} is given. */
    public List<FraudDecision> latest(Optional<Boolean> flagged, int limit) {
        return decisions.latest(flagged, limit);
    }
}
