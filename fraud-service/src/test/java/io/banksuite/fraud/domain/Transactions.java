package io.banksuite.fraud.domain;

import java.time.Instant;
import java.util.UUID;

/** Builds transactions for rule tests. */
final class Transactions {

    static final Instant T0 = Instant.parse("2026-11-27T14:00:00Z");

    private Transactions() {
    }

    static TransactionFacts amount(long amountMinor, String currency) {
        return new TransactionFacts(UUID.randomUUID(), UUID.randomUUID(), "c-1", amountMinor, currency, T0);
    }

    static TransactionFacts at(Instant occurredAt) {
        return new TransactionFacts(UUID.randomUUID(), UUID.randomUUID(), "c-1", 100, "EUR", occurredAt);
    }
}
