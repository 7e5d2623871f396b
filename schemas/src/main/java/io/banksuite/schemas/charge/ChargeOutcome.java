package io.banksuite.schemas.charge;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * How a charge ended: the JSON body of a message notification-worker publishes (through its own outbox) on
 * {@code RabbitTopology.CHARGE_OUTCOMES_EXCHANGE} for transaction-service, in the form of
 * {@code charge-outcome.schema.json}. There is one outcome per transaction, and it is final.
 *
 * @param chargeId            the request it answers
 * @param transactionId       the transaction charged for
 * @param clientId            its client
 * @param status              {@link #SETTLED}, {@link #DECLINED} or {@link #FAILED}
 * @param processorReference  the card processor's id of the charge (SETTLED, DECLINED); null for FAILED
 * @param reason              why it was declined or failed; null for SETTLED
 * @param attempts            calls to the card processor it took
 * @param decidedAt           when the worker recorded the outcome
 */
public record ChargeOutcome(UUID chargeId, UUID transactionId, String clientId, String status,
                            String processorReference, String reason, int attempts, Instant decidedAt) {

    /** The processor took the money. */
    public static final String SETTLED = "SETTLED";
    /** The processor refused the charge (a permanent answer: no retry). */
    public static final String DECLINED = "DECLINED";
    /** The processor could not be reached or kept failing, through every retry: nothing was charged. */
    public static final String FAILED = "FAILED";

    public ChargeOutcome {
        Objects.requireNonNull(chargeId, "chargeId is required");
        Objects.requireNonNull(transactionId, "transactionId is required");
        if (!SETTLED.equals(status) && !DECLINED.equals(status) && !FAILED.equals(status)) {
            throw new IllegalArgumentException("status must be SETTLED, DECLINED or FAILED, not " + status);
        }
    }
}
