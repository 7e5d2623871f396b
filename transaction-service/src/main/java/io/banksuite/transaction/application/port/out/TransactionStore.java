package io.banksuite.transaction.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import io.banksuite.transaction.domain.NewTransaction;
import io.banksuite.transaction.domain.Transaction;
import io.banksuite.transaction.domain.TransactionStatus;

/** Where transactions are kept. */
public interface TransactionStore {

    /**
     * Inserts the transaction unless the client already used the idempotency key, in which case nothing is
     * written. A concurrent insert with the same key waits for the other's outcome, so exactly one of two racing
     * requests inserts.
     *
     * @return the row's sequence, or empty when the key was taken
     */
    OptionalLong insert(UUID id, NewTransaction tx, TransactionStatus status, Instant occurredAt, UUID eventId,
                        String idempotencyKey, String requestFingerprint);

    Optional<Transaction> findById(UUID id);

    /**
     * Moves a CREATED card payment to the charge outcome's final status.
     *
     * @return {@code false} when there is no such transaction, it is no card payment, or its status is final
     *         already (nothing written)
     */
    boolean applyOutcome(UUID id, TransactionStatus status, Transaction.ChargeOutcome outcome);

    /** The transaction created with the client's idempotency key, with the digest of the request that created it. */
    Optional<IdempotentTransaction> findByIdempotencyKey(String clientId, String idempotencyKey);

    /** Up to {@code limit} of the client's transactions with a sequence below {@code before}, newest first. */
    List<Transaction> findByClient(String clientId, long before, int limit);

    record IdempotentTransaction(Transaction transaction, String requestFingerprint) {
    }
}
