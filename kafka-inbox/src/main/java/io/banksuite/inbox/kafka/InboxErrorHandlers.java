package io.banksuite.inbox.kafka;

import io.banksuite.inbox.InboxProperties;
import io.banksuite.inbox.InvalidEventException;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/** Builds the container error handler of the inbox from its settings. */
public final class InboxErrorHandlers {

    private InboxErrorHandlers() {
    }

    /**
     * Retries a failing record in place (seeking back, so the partition's later records wait and order is kept)
     * with exponential back-off, then hands it to the recoverer. Records that cannot succeed
     * (deserialization failures and Spring's other fatal exceptions, {@link InvalidEventException}) go to the
     * recoverer at once; database outages are retried without limit when so configured.
     */
    public static DefaultErrorHandler create(InboxProperties.Retry retry, ConsumerRecordRecoverer recoverer,
                                             RetryListener... listeners) {
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, boundedBackOff(retry));
        handler.addNotRetryableExceptions(InvalidEventException.class);
        if (retry.blockWhileDatabaseDown()) {
            BackOff unbounded = unboundedBackOff(retry);
            handler.setBackOffFunction((record, ex) -> DatabaseOutages.isDatabaseOutage(ex) ? unbounded : null);
        }
        // Back-off state is per record and exception type; a new kind of failure starts the count afresh.
        handler.setResetStateOnExceptionChange(true);
        handler.setRetryListeners(listeners);
        return handler;
    }

    static BackOff boundedBackOff(InboxProperties.Retry retry) {
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(retry.maxAttempts() - 1);
        backOff.setInitialInterval(retry.initialInterval().toMillis());
        backOff.setMultiplier(retry.multiplier());
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        return backOff;
    }

    static BackOff unboundedBackOff(InboxProperties.Retry retry) {
        ExponentialBackOff backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        return backOff;
    }
}
