package io.banksuite.runtime.deadletter;

/**
 * Where a service parks the messages it could not handle, seen by an operator: what is parked and why, and a
 * replay of the oldest to where they came from once the cause is fixed. Implemented per broker (a Kafka consumer
 * group's dead-letter topic in kafka-inbox, the notification dead-letter queue in notification-worker), served by
 * {@link DeadLetterAdminController}.
 */
public interface DeadLetters {

    /** The dead-letter topic or queue, for messages and logs. */
    String location();

    /** How much one call may list or replay. */
    ReplayLimits limits();

    /**
     * Up to {@code limit} parked messages not replayed yet, oldest first, with why each failed; moves nothing.
     *
     * @throws DeadLettersUnavailableException when the broker cannot be read
     */
    DeadLetterListing list(int limit);

    /**
     * Sends up to {@code max} parked messages, oldest first, back to where they came from; each one leaves the
     * dead letters only after the broker confirmed its copy.
     *
     * @throws ReplayInProgressException       when another replay of the same dead letters runs on this instance
     * @throws ReplayFailedException           when a message could not be sent back; those before it were
     * @throws DeadLettersUnavailableException when the broker cannot be read
     */
    ReplayResult replay(int max);
}
