package io.banksuite.transaction.domain;

import java.util.Objects;

/**
 * The client reused an idempotency key with a different request: returning the original outcome would hide the
 * client's bug, and applying the new request would break the key's promise.
 *
 * @see #originalProperty()
 */
public class IdempotencyKeyReusedException extends RuntimeException {

    private final String originalProperty;
    private final String originalValue;

    /**
     * @param originalProperty what identifies what the key's first request made ({@code transactionId},
     *                         {@code version}); the problem detail carries it under this name
     * @param originalValue    its value
     */
    public IdempotencyKeyReusedException(String originalProperty, Object originalValue) {
        super("The idempotency key was already used, for " + originalProperty + " " + originalValue
                + ", with a different request");
        this.originalProperty = Objects.requireNonNull(originalProperty, "originalProperty");
        this.originalValue = String.valueOf(originalValue);
    }

    public String originalProperty() {
        return originalProperty;
    }

    public String originalValue() {
        return originalValue;
    }
}
