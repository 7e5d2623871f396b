package io.banksuite.transaction.domain;

/**
 * What a client's versioned resources hold: the profile or the limits, each changed as a whole by one PUT and kept
 * as a history of versions.
 */
public sealed interface ClientState permits ClientProfile, ClientLimits {

    /**
     * A canonical text of the state, equal for two states that mean the same; an idempotency key reused with a
     * different request is detected by comparing its digest.
     */
    String canonicalText();
}
