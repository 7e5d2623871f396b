package io.banksuite.transaction.domain;

import java.util.List;

/** The request names one or more invalid fields; nothing was written. */
public class InvalidTransactionException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidTransactionException(List<FieldError> errors) {
        super("Invalid transaction: " + errors);
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("An invalid transaction has at least one field error");
        }
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
