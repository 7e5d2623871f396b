package io.banksuite.transaction.application.port.out;

import io.banksuite.transaction.domain.Transaction;

/**
 * Announces a recorded transaction. Called inside the transaction that records it: the announcement must commit
 * or roll back with the transaction row (the implementation writes to the outbox).
 */
public interface TransactionEventPublisher {

    void transactionCreated(Transaction transaction);
}
