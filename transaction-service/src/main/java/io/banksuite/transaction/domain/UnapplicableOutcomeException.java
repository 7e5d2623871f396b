package io.banksuite.transaction.domain;

/**
 * A charge outcome that cannot be applied: for no known transaction, for one that is no card payment, or
 * contradicting the outcome already applied. It is parked for an operator, never applied in part.
 */
public class UnapplicableOutcomeException extends RuntimeException {

    public UnapplicableOutcomeException(String message) {
        super(message);
    }
}
