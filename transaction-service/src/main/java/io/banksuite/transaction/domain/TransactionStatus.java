package io.banksuite.transaction.domain;

/**
 * Where a transaction stands in this service. It is CREATED once recorded (and its event queued in the outbox);
 * later decisions (fraud, analytics) belong to the services that make them and reach others as events.
 */
public enum TransactionStatus {
    CREATED
}
