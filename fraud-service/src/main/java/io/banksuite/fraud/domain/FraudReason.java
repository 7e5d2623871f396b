package io.banksuite.fraud.domain;

/** Why a transaction was flagged; the names are part of the notification job contract. */
public enum FraudReason {
    AMOUNT_OVER_THRESHOLD,
    VELOCITY_LIMIT_EXCEEDED,
    /** Over the client's single-transaction limit in force when it occurred. */
    SINGLE_TRANSACTION_LIMIT_EXCEEDED,
    /** Takes the client's UTC day total over the daily limit in force when it occurred. */
    DAILY_LIMIT_EXCEEDED,
    /** The client was BLOCKED when it occurred. */
    CLIENT_BLOCKED
}
