package io.banksuite.fraud.notification;

import io.banksuite.fraud.config.NotificationProperties;
import io.banksuite.fraud.rules.FraudDecision;
import io.banksuite.outbox.OutboxHeaders;
import io.banksuite.outbox.OutboxMessage;
import io.banksuite.outbox.OutboxWriter;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the notification job of a flagged decision to the outbox table, inside the caller's transaction, for
 * {@link NotificationOutboxPublisher} to publish once that transaction has committed.
 */
@Component
public class FraudAlertOutbox {

    private final OutboxWriter writer;
    private final JsonMapper json;
    private final NotificationProperties notification;

    public FraudAlertOutbox(OutboxWriter writer, JsonMapper json, NotificationProperties notification) {
        this.writer = writer;
        this.json = json;
        this.notification = notification;
    }

    /**
     * @param traceparent W3C traceparent of the consumed event, or null; the writer keeps it so the job continues
     *                    the transaction's trace even when no tracing agent is running in this process
     * @return the job written
     */
    public FraudAlertJob append(FraudDecision decision, String traceparent) {
        FraudAlertJob job = FraudAlertJob.of(decision);
        OutboxMessage message = OutboxMessage.json(UUID.fromString(job.jobId()), notification.exchange(),
                notification.routingKey(), json.writeValueAsBytes(job));
        if (traceparent != null && !traceparent.isBlank()) {
            message = message.withHeader(OutboxHeaders.TRACEPARENT, traceparent);
        }
        writer.append(message);
        return job;
    }
}
