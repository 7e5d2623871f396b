package io.banksuite.runtime.deadletter;

/** The broker that holds the dead letters cannot be reached or read. */
public class DeadLettersUnavailableException extends RuntimeException {

    public DeadLettersUnavailableException(String location, Throwable cause) {
        super("Cannot read " + location + ": " + cause.getMessage(), cause);
    }
}
