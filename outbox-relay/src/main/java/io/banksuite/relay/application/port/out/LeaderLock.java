package io.banksuite.relay.application.port.out;

import java.sql.SQLException;

/**
 * Elects the one active relay of a database: while an instance holds the lock it publishes; every other one stands
 * by. Not thread-safe: used by the relay's single polling thread.
 */
public interface LeaderLock extends AutoCloseable {

    /** Takes the lock, or checks that it is still held; returns whether this instance holds it now. */
    boolean tryAcquire() throws SQLException;

    /** Whether the lock was held at the last {@link #tryAcquire}, without asking the database. */
    boolean heldAtLastCheck();

    /** Releases the lock, if held, and its connection. */
    @Override
    void close();
}
