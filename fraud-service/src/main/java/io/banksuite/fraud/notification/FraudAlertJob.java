package io.banksuite.fraud.notification;

import io.banksuite.fraud.rules.FraudDecision;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The notification job that notification-worker consumes, field for field as its contract says:
 * {"jobId","kind":"FRAUD_ALERT","transactionId","clientId","eventId","reasons","createdAt"}.
 */
public record FraudAlertJob(String jobId, String kind, String transactionId, String clientId, String eventId,
                            List<String> reasons, Instant createdAt) {

    public static final String KIND = "FRAUD_ALERT";

    /**
     * The alert for a flagged decision. The job id is derived from the transaction id, so whatever path produced
     * the decision, one transaction can never yield two different alerts.
     */
    public static FraudAlertJob of(FraudDecision decision) {
        if (!decision.flagged()) {
            throw new IllegalArgumentException("No alert for a clean transaction: " + decision.transactionId());
        }
        return new FraudAlertJob(jobIdFor(decision.transactionId()).toString(), KIND,
                decision.transactionId().toString(), decision.clientId(), decision.eventId().toString(),
                decision.reasons().stream().map(Enum::name).toList(), decision.decidedAt());
    }

    static UUID jobIdFor(UUID transactionId) {
        return UUID.nameUUIDFromBytes((KIND + ":" + transactionId).getBytes(StandardCharsets.UTF_8));
    }
}
