package io.banksuite.fraud.domain;

/** Why a transaction was flagged; the names are part of the notification job contract. */
public enum FraudReason {
    AMOUNT_OVER_THRESHOLD,
    VELOCITY_LIMIT_EXCEEDED
}
