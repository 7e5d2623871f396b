package io.banksuite.fraud.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A change of a client's standing, as a fact with the time it took effect: its status (from {@code client.updated})
 * or its limits (from {@code limit.changed}). fraud-service keeps every one, so that each transaction is screened
 * against what was in force when it occurred, whatever the order in which the events arrive.
 */
public sealed interface ClientStanding permits ClientStanding.StatusChange, ClientStanding.LimitsChange {

    String clientId();

    /** transaction-service's version of the profile or limits: a version seen twice changes nothing. */
    long version();

    Instant effectiveAt();

    record StatusChange(String clientId, long version, Instant effectiveAt, ClientStatus status)
            implements ClientStanding {
        public StatusChange {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(effectiveAt, "effectiveAt");
            Objects.requireNonNull(status, "status");
        }
    }

    /** @param limits every limit in force from then on, one per currency; a currency not listed has none */
    record LimitsChange(String clientId, long version, Instant effectiveAt, List<SpendingLimit> limits)
            implements ClientStanding {
        public LimitsChange {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(effectiveAt, "effectiveAt");
            limits = List.copyOf(limits);
            if (limits.stream().map(SpendingLimit::currency).distinct().count() != limits.size()) {
                throw new IllegalArgumentException("One limit per currency: " + limits);
            }
        }
    }
}
