package io.banksuite.fraud.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Runs every rule on a transaction and collects all their reasons, in rule order. */
public final class FraudRules {

    private final List<FraudRule> rules;

    public FraudRules(List<FraudRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public FraudDecision decide(TransactionFacts transaction, ClientHistory history, Instant decidedAt) {
        List<FraudReason> reasons = rules.stream()
                .flatMap(rule -> rule.evaluate(transaction, history).stream())
                .distinct()
                .toList();
        return FraudDecision.of(transaction, reasons, decidedAt);
    }

    /** How much of the client's history before a transaction the rules need. */
    public Duration lookback() {
        return rules.stream().map(FraudRule::lookback).max(Duration::compareTo).orElse(Duration.ZERO);
    }
}
