package io.banksuite.transaction.domain;

import java.util.List;

/**
 * The request names one or more invalid fields (of a transaction, a client's profile or limits); nothing was written.
 */
public class InvalidRequestException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidRequestException(List<FieldError> errors) {
        super("Invalid request: " + errors);
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("An invalid request has at least one field error");
        }
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
