package io.banksuite.runtime.deadletter;

/** Another replay of the same dead letters is running on this instance. */
public class ReplayInProgressException extends RuntimeException {

    public ReplayInProgressException(String location) {
        super("A replay of " + location + " is already running");
    }
}
