package io.banksuite.transaction.domain;

/** Where the client made the transaction. */
public enum Channel {
    WEB,
    MOBILE,
    POS,
    ATM,
    BRANCH,
    API
}
