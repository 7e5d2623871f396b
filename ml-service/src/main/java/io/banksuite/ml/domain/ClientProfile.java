package io.banksuite.ml.domain;

import java.util.Objects;

/**
 * What the features know of a client from {@code client.updated}: categorical features beside the per-currency
 * numbers.
 *
 * @param version transaction-service's version of the profile: a lower one than that kept changes nothing
 * @param status  ACTIVE or BLOCKED, as announced
 * @param segment RETAIL, PREMIUM, BUSINESS, ...
 */
public record ClientProfile(String clientId, long version, String status, String segment) {

    public ClientProfile {
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("clientId is required");
        }
        if (version < 1) {
            throw new IllegalArgumentException("version must be positive, not " + version);
        }
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(segment, "segment");
    }
}
