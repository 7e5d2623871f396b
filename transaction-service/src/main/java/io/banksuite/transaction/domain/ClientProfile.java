package io.banksuite.transaction.domain;

import java.util.Objects;

/**
 * A client's profile: what other services need to know of the client.
 *
 * @param segment the client's segment (RETAIL, PREMIUM, BUSINESS, ...): upper case letters, digits, underscores
 * @param country ISO 3166-1 alpha-2 code of the client's residence
 */
public record ClientProfile(ClientStatus status, String segment, String country) implements ClientState {

    public ClientProfile {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(country, "country");
    }

    @Override
    public String canonicalText() {
        return String.join("\u001f", "profile", status.name(), segment, country);
    }
}
