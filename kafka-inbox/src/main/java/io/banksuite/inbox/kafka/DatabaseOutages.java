package io.banksuite.inbox.kafka;

import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells failures of the database (unreachable, connection lost, timeouts, deadlocks) from failures of the record:
 * the first kind goes away by itself, so retrying the same record is right; the second does not.
 */
public final class DatabaseOutages {

    private DatabaseOutages() {
    }

    public static boolean isDatabaseOutage(@Nullable Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TransientDataAccessException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
        }
        return false;
    }
}
