package io.banksuite.runtime.deadletter;

import java.util.List;

/** What a call to {@link DeadLetters#list} found; each broker adds its own coordinates (topic, queue). */
public interface DeadLetterListing {

    /** Every parked message not replayed yet; {@link #records()} holds the oldest of them. */
    long remaining();

    List<?> records();
}
