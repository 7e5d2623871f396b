package io.banksuite.fraud.adapter.in.web;

import io.banksuite.fraud.domain.FraudDecision;
import java.time.Instant;
import java.util.List;

/** A fraud decision as the API shows it. */
public record DecisionView(String transactionId, String eventId, String clientId, boolean flagged,
                           List<String> reasons, Instant decidedAt) {

    static DecisionView of(FraudDecision decision) {
        return new DecisionView(decision.transactionId().toString(), decision.eventId().toString(),
                decision.clientId(), decision.flagged(), decision.reasons().stream().map(Enum::name).toList(),
                decision.decidedAt());
    }
}
