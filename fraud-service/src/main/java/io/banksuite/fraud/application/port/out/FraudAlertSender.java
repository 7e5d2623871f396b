package io.banksuite.fraud.application.port.out;

import java.util.UUID;

import io.banksuite.fraud.domain.FraudDecision;

/**
 * Alerts notification-worker about a flagged decision. Called inside the transaction that stores the decision:
 * the alert must commit or roll back with it (the implementation writes to the outbox).
 */
public interface FraudAlertSender {

    /**
     * @param traceparent W3C traceparent that came with the event, or null; the alert continues that trace
     * @return the alert's job id
     */
    UUID alert(FraudDecision decision, String traceparent);
}
