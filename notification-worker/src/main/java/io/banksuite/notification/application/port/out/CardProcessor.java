package io.banksuite.notification.application.port.out;

import io.banksuite.notification.domain.CardProcessorAnswer;
import io.banksuite.notification.domain.DeliveryAttempt;
import io.banksuite.schemas.charge.ChargeRequest;

/**
 * Where cards are charged. An implementation must make one transaction's charge idempotent at the processor: every
 * call for the same {@code transactionId} carries it as the idempotency key, so that a call repeated after a crash
 * (the processor took the money, the worker died before recording it) returns the first answer and charges nothing
 * more.
 */
public interface CardProcessor {

    /** Never throws for an answer it cannot act on: that is {@link CardProcessorAnswer.Failed}. */
    CardProcessorAnswer charge(ChargeRequest request, DeliveryAttempt attempt);
}
