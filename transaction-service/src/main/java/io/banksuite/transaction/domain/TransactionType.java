package io.banksuite.transaction.domain;

/** What kind of transaction a client asks for. */
public enum TransactionType {
    PAYMENT,
    TRANSFER,
    WITHDRAWAL,
    DEPOSIT,
    REFUND
}
