package io.banksuite.transaction.domain;

import java.util.UUID;

/**
 * The client reused an idempotency key with a different request: returning the original transaction would hide
 * the client's bug, and creating a new one would break the key's promise.
 */
public class IdempotencyKeyReusedException extends RuntimeException {

    private final UUID originalTransactionId;

    public IdempotencyKeyReusedException(UUID originalTransactionId) {
        super("The idempotency key was already used for transaction " + originalTransactionId
                + " with a different request");
        this.originalTransactionId = originalTransactionId;
    }

    public UUID originalTransactionId() {
        return originalTransactionId;
    }
}
