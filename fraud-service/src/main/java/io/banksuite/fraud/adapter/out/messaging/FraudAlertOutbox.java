package io.banksuite.fraud.adapter.out.messaging;

import java.util.UUID;

import io.banksuite.fraud.application.port.out.FraudAlertSender;
import io.banksuite.fraud.domain.FraudDecision;
import io.banksuite.outbox.OutboxMessage;
import io.banksuite.outbox.OutboxWriter;
import io.banksuite.schemas.notification.NotificationJob;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the notification job of a flagged decision to the outbox table, inside the caller's transaction, for
 * the outbox publisher ({@code RabbitOutboxPublisher}) to publish once that transaction has committed.
 */
@Component
public class FraudAlertOutbox implements FraudAlertSender {

    private final OutboxWriter writer;
    private final JsonMapper json;
    private final NotificationOutboxProperties notification;

    public FraudAlertOutbox(OutboxWriter writer, JsonMapper json, NotificationOutboxProperties notification) {
        this.writer = writer;
        this.json = json;
        this.notification = notification;
    }

    /**
     * With a tracing agent, the writer stores the current span (this service's processing of the event), so the job
     * continues the trace from there; without one, the event's own traceparent, so it still continues the trace.
     */
    @Override
    public UUID alert(FraudDecision decision, String traceparent) {
        NotificationJob job = FraudAlertJobs.of(decision);
        OutboxMessage message = OutboxMessage.json(job.jobId(), notification.exchange(), notification.routingKey(),
                json.writeValueAsBytes(job));
        writer.append(message.continuingTrace(traceparent));
        return job.jobId();
    }
}
