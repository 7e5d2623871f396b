package io.banksuite.transaction.domain;

/** Whether a client may transact: a BLOCKED client's transactions are still recorded, and fraud flags every one. */
public enum ClientStatus {
    ACTIVE,
    BLOCKED
}
