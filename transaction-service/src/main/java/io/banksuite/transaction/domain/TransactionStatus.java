package io.banksuite.transaction.domain;

/**
 * Where a transaction stands in this service. It is CREATED once recorded (and its event queued in the outbox). A
 * card payment that fraud-service let through is then charged by notification-worker, whose outcome moves it, once
 * and for good, to SETTLED, DECLINED or FAILED. Other transactions stay CREATED: fraud decisions belong to
 * fraud-service and are read there.
 */
public enum TransactionStatus {
    CREATED,
    /** The card was charged. */
    SETTLED,
    /** The card processor refused the charge. */
    DECLINED,
    /** The card processor could not be reached, through every retry: nothing was charged. */
    FAILED
}
