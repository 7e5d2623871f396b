package io.banksuite.transaction.adapter.in.web;

import java.time.Instant;

import io.banksuite.transaction.domain.ClientProfile;
import io.banksuite.transaction.domain.Versioned;

/** A client's profile as the API returns it; {@code version} is also its ETag. */
public record ClientProfileResponse(String clientId, String status, String segment, String country, long version,
                                    Instant changedAt) {

    static ClientProfileResponse of(Versioned<ClientProfile> profile) {
        return new ClientProfileResponse(profile.clientId(), profile.state().status().name(),
                profile.state().segment(), profile.state().country(), profile.version(), profile.changedAt());
    }
}
