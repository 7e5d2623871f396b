package io.banksuite.fraud.adapter.out.messaging;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.banksuite.fraud.domain.FraudDecision;
import io.banksuite.schemas.notification.NotificationJob;

/** The notification job of a flagged decision, as the contract in schemas defines it. */
final class FraudAlertJobs {

    private FraudAlertJobs() {
    }

    /**
     * The job id is derived from the transaction id, so whatever path produced the decision, one transaction can
     * never yield two different alerts.
     */
    static NotificationJob of(FraudDecision decision) {
        if (!decision.flagged()) {
            throw new IllegalArgumentException("No alert for a clean transaction: " + decision.transactionId());
        }
        return new NotificationJob(jobIdFor(decision.transactionId()), NotificationJob.FRAUD_ALERT,
                decision.transactionId(), decision.clientId(), decision.eventId(),
                decision.reasons().stream().map(Enum::name).toList(), decision.decidedAt());
    }

    static UUID jobIdFor(UUID transactionId) {
        return UUID.nameUUIDFromBytes((NotificationJob.FRAUD_ALERT + ":" + transactionId)
                .getBytes(StandardCharsets.UTF_8));
    }
}
