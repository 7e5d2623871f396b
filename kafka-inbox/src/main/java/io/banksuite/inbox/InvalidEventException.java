package io.banksuite.inbox;

/**
 * An event that can never be applied, however often it is retried (no event id, a malformed field): the error
 * handler does not retry it and parks it in the dead-letter topic at once. Services throw it from their effect
 * for the same reason.
 */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
