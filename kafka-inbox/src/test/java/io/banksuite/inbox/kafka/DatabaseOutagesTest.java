package io.banksuite.inbox.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;

import io.banksuite.inbox.InvalidEventException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;

class DatabaseOutagesTest {

    @Test
    void anUnreachableDatabaseIsAnOutage() {
        assertThat(DatabaseOutages.isDatabaseOutage(new CannotGetJdbcConnectionException("down"))).isTrue();
        assertThat(DatabaseOutages.isDatabaseOutage(new CannotCreateTransactionException("down"))).isTrue();
        assertThat(DatabaseOutages.isDatabaseOutage(new QueryTimeoutException("slow"))).isTrue();
    }

    @Test
    void looksThroughTheListenerWrapper() {
        var wrapped = new ListenerExecutionFailedException("listener failed",
                new RuntimeException(new SQLTransientConnectionException("pool exhausted")));
        assertThat(DatabaseOutages.isDatabaseOutage(wrapped)).isTrue();
    }

    @Test
    void aBadRecordIsNotAnOutage() {
        assertThat(DatabaseOutages.isDatabaseOutage(new DataIntegrityViolationException("constraint"))).isFalse();
        assertThat(DatabaseOutages.isDatabaseOutage(new InvalidEventException("bad"))).isFalse();
        assertThat(DatabaseOutages.isDatabaseOutage(null)).isFalse();
    }
}
