package io.banksuite.transaction.domain;

import java.util.UUID;

/** No transaction has the requested id. */
public class TransactionNotFoundException extends RuntimeException {

    public TransactionNotFoundException(UUID id) {
        super("No transaction " + id);
    }
}
