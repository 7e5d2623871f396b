package io.banksuite.notification.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The outcome of one transaction's charge, as the worker records it: once, for good.
 *
 * @param status             SETTLED, DECLINED or FAILED ({@code ChargeOutcome}'s)
 * @param processorReference the processor's id of the charge; null for FAILED
 * @param reason             why it was declined or failed; null for SETTLED
 * @param attempts           processor calls it took
 * @param traceId            the trace the request travelled with; null if none
 */
public record RecordedCharge(UUID transactionId, UUID chargeId, String clientId, String cardId, long amountMinor,
                             String currency, String status, String processorReference, String reason, int attempts,
                             String traceId, Instant decidedAt) {

    public RecordedCharge {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(chargeId, "chargeId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(decidedAt, "decidedAt");
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be >= 1, was " + attempts);
        }
    }
}
