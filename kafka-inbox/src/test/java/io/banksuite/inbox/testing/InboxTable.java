package io.banksuite.inbox.testing;

import java.util.List;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.ClassUtils;

/**
 * The service's {@code inbox_processed_event} table, read for the driver's checks. Loaded only where the service
 * uses JDBC: a consumer without a database (analytics) has no such table, and no JDBC classes either.
 */
final class InboxTable {

    private final JdbcClient jdbc;

    private InboxTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The table of the service, or null when the service has no JDBC. */
    static InboxTable of(ApplicationContext service) {
        if (!ClassUtils.isPresent("org.springframework.jdbc.core.simple.JdbcClient", null)) {
            return null;
        }
        JdbcClient jdbc = service.getBeanProvider(JdbcClient.class).getIfAvailable();
        return jdbc == null ? null : new InboxTable(jdbc);
    }

    boolean isMarked(String eventId) {
        return jdbc.sql("SELECT count(*) FROM inbox_processed_event WHERE event_id = ?::uuid")
                .param(eventId).query(Long.class).single() > 0;
    }

    /** The event ids one group processed for a record key, in the order they were applied. */
    List<String> eventIdsOf(String key, String group) {
        return jdbc.sql("SELECT event_id::text FROM inbox_processed_event WHERE record_key = ? AND consumer_group = ?"
                        + " ORDER BY seq")
                .params(key, group).query(String.class).list();
    }

    /** The rows of one group: a service may run several inbox consumers on one table (ml-service does). */
    long rows(String group) {
        return jdbc.sql("SELECT count(*) FROM inbox_processed_event WHERE consumer_group = ?").param(group)
                .query(Long.class).single();
    }
}
