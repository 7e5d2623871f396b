package io.banksuite.fraud.adapter.out.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.banksuite.fraud.domain.FraudDecision;
import io.banksuite.fraud.domain.FraudReason;
import io.banksuite.schemas.notification.NotificationJob;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FraudAlertJobsTest {

    private static final Instant DECIDED_AT = Instant.parse("2026-11-27T14:00:00Z");

    @Test
    void carriesTheDecisionAsTheContractSays() {
        UUID transactionId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        FraudDecision decision = new FraudDecision(transactionId, eventId, "c-1", true,
                List.of(FraudReason.AMOUNT_OVER_THRESHOLD, FraudReason.VELOCITY_LIMIT_EXCEEDED), DECIDED_AT);

        NotificationJob job = FraudAlertJobs.of(decision);

        assertThat(job.kind()).isEqualTo("FRAUD_ALERT");
        assertThat(job.transactionId()).isEqualTo(transactionId);
        assertThat(job.eventId()).isEqualTo(eventId);
        assertThat(job.clientId()).isEqualTo("c-1");
        assertThat(job.reasons()).containsExactly("AMOUNT_OVER_THRESHOLD", "VELOCITY_LIMIT_EXCEEDED");
        assertThat(job.createdAt()).isEqualTo(DECIDED_AT);
        assertThat(job.jobId()).isNotEqualTo(transactionId).isNotEqualTo(eventId);
    }

    @Test
    void oneTransactionAlwaysGetsTheSameJobId() {
        UUID transactionId = UUID.randomUUID();
        FraudDecision first = new FraudDecision(transactionId, UUID.randomUUID(), "c-1", true,
                List.of(FraudReason.AMOUNT_OVER_THRESHOLD), DECIDED_AT);
        FraudDecision second = new FraudDecision(transactionId, UUID.randomUUID(), "c-1", true,
                List.of(FraudReason.VELOCITY_LIMIT_EXCEEDED), DECIDED_AT.plusSeconds(1));
        FraudDecision other = new FraudDecision(UUID.randomUUID(), UUID.randomUUID(), "c-1", true,
                List.of(FraudReason.AMOUNT_OVER_THRESHOLD), DECIDED_AT);

        assertThat(FraudAlertJobs.of(first).jobId()).isEqualTo(FraudAlertJobs.of(second).jobId())
                .isNotEqualTo(FraudAlertJobs.of(other).jobId());
    }

    @Test
    void aCleanDecisionHasNoAlert() {
        FraudDecision clean = new FraudDecision(UUID.randomUUID(), UUID.randomUUID(), "c-1", false, List.of(),
                DECIDED_AT);
        assertThatThrownBy(() -> FraudAlertJobs.of(clean)).isInstanceOf(IllegalArgumentException.class);
    }
}
