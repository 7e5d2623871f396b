package io.banksuite.runtime.deadletter;

/** A message could not be sent back; the {@link #replayed()} messages before it were, and it stays parked. */
public class ReplayFailedException extends RuntimeException {

    private final int replayed;

    public ReplayFailedException(String location, int replayed, Throwable cause) {
        super("Replay of " + location + " stopped after " + replayed + " message(s): " + cause.getMessage(), cause);
        this.replayed = replayed;
    }

    public int replayed() {
        return replayed;
    }
}
