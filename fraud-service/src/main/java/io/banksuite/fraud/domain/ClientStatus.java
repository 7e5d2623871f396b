package io.banksuite.fraud.domain;

/** A client's status as transaction-service announces it ({@code client.updated}). */
public enum ClientStatus {
    ACTIVE,
    BLOCKED
}
