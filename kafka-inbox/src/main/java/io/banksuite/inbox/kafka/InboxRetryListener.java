package io.banksuite.inbox.kafka;

import io.banksuite.inbox.RecordDiagnostics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.KafkaUtils;

/**
 * Logs every failed delivery and every dead-lettering with the record's coordinates, event id and trace id, and
 * counts dead-lettered records ({@code inbox.events.dead.lettered}, tags topic, group and exception: the simple name
 * of the root cause, e.g. DeserializationException, InvalidEventException).
 */
public class InboxRetryListener implements org.springframework.kafka.listener.RetryListener {

    public static final String DEAD_LETTERED_METRIC = "inbox.events.dead.lettered";

    private static final Logger log = LoggerFactory.getLogger(InboxRetryListener.class);

    private final MeterRegistry meters;

    public InboxRetryListener(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void failedDelivery(ConsumerRecord<?, ?> record, @Nullable Exception ex, int deliveryAttempt) {
        String message = ex == null ? "unknown error" : rootMessage(ex);
        if (deliveryAttempt == 1) {
            log.warn("Processing failed (attempt 1) for {}: {}", RecordDiagnostics.describe(record), message, ex);
        } else {
            // The stack trace was logged on the first attempt; a long outage must not flood the log with it.
            log.warn("Processing failed (attempt {}) for {}: {}", deliveryAttempt, RecordDiagnostics.describe(record),
                    message);
        }
    }

    @Override
    public void recovered(ConsumerRecord<?, ?> record, @Nullable Exception ex) {
        String group = KafkaUtils.getConsumerGroupId();
        log.error("Parked in the dead-letter topic of group {}: {}: {}", group, RecordDiagnostics.describe(record),
                ex == null ? "unknown error" : rootMessage(ex));
        Counter.builder(DEAD_LETTERED_METRIC)
                .description("Records this service could not process and parked in its dead-letter topic")
                .tag("topic", record.topic())
                .tag("group", group == null ? "unknown" : group)
                .tag("exception", ex == null ? "unknown" : rootCause(ex).getClass().getSimpleName())
                .register(meters)
                .increment();
    }

    @Override
    public void recoveryFailed(ConsumerRecord<?, ?> record, @Nullable Exception original, Exception failure) {
        log.error("Could not park {} in the dead-letter topic; it will be delivered again: {}",
                RecordDiagnostics.describe(record), rootMessage(failure), failure);
    }

    private static Throwable rootCause(Throwable ex) {
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static String rootMessage(Throwable ex) {
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == ex ? String.valueOf(ex) : ex + " (cause: " + root + ")";
    }
}
