package io.banksuite.relay.adapter.out.persistence;

import io.banksuite.relay.application.port.out.LeaderLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Elects the one active relay of a database: a PostgreSQL session-level advisory lock
 * ({@code pg_try_advisory_lock}) held on a dedicated connection for as long as the instance is active. Every other
 * instance fails to take it and stands by, trying again now and then. The server frees the lock when the holder's
 * session ends: on a clean stop, on a crash (the socket closes), or, when the holder's host vanished, after the
 * session's {@code idle_session_timeout}, so that a standby takes over.
 *
 * <p>Not thread-safe: used by the relay's single polling thread.
 */
public class AdvisoryLock implements LeaderLock {

    private static final Logger log = LoggerFactory.getLogger(AdvisoryLock.class);
    private static final int VALIDATION_TIMEOUT_SECONDS = 5;

    /** Opens a new physical connection (not one from a pool, which would keep the lock when the connection is returned). */
    @FunctionalInterface
    public interface Connector {
        Connection connect() throws SQLException;
    }

    private final Connector connector;
    private final long lockId;
    private final Duration sessionIdleTimeout;
    private Connection connection;
    private volatile boolean held;

    public AdvisoryLock(Connector connector, long lockId, Duration sessionIdleTimeout) {
        this.connector = connector;
        this.lockId = lockId;
        this.sessionIdleTimeout = sessionIdleTimeout;
    }

    /** Takes the lock unless another session holds it; true if this instance holds it now. */
    @Override
    public boolean tryAcquire() throws SQLException {
        if (held && isHeld()) {
            return true;
        }
        if (connection == null || !connection.isValid(VALIDATION_TIMEOUT_SECONDS)) {
            closeConnection();
            connection = connector.connect();
            connection.setAutoCommit(true);
            try (var statement = connection.createStatement()) {
                statement.execute("SET application_name = 'outbox-relay-lock'");
                statement.execute("SET idle_session_timeout = " + sessionIdleTimeout.toMillis());
            }
        }
        try (var statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            statement.setLong(1, lockId);
            try (var rs = statement.executeQuery()) {
                rs.next();
                held = rs.getBoolean(1);
            }
        }
        return held;
    }

    /** Whether the lock was held at the last check, without checking again; safe from any thread. */
    @Override
    public boolean heldAtLastCheck() {
        return held;
    }

    /** Whether this instance still holds the lock, i.e. its session is alive. */
    public boolean isHeld() {
        if (!held) {
            return false;
        }
        try {
            if (connection.isValid(VALIDATION_TIMEOUT_SECONDS)) {
                return true;
            }
            log.warn("Lost the outbox relay lock {}: its database session ended", lockId);
        } catch (SQLException e) {
            log.warn("Lost the outbox relay lock {}: cannot check its database session", lockId, e);
        }
        held = false;
        closeConnection();
        return false;
    }

    /** Frees the lock (by ending its session, which also frees it if the unlock call fails). */
    @Override
    public void close() {
        if (held && connection != null) {
            try (var statement = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                statement.setLong(1, lockId);
                statement.execute();
            } catch (SQLException e) {
                log.warn("Unlocking the outbox relay lock {} failed; closing its session frees it", lockId, e);
            }
        }
        held = false;
        closeConnection();
    }

    private void closeConnection() {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            log.warn("Closing the outbox relay lock's connection failed", e);
        }
        connection = null;
    }
}
