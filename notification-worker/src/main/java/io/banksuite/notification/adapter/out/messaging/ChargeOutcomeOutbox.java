package io.banksuite.notification.adapter.out.messaging;

import java.util.UUID;

import io.banksuite.notification.application.port.out.ChargeOutcomes;
import io.banksuite.notification.domain.RecordedCharge;
import io.banksuite.outbox.OutboxMessage;
import io.banksuite.outbox.OutboxWriter;
import io.banksuite.schemas.charge.ChargeOutcome;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a charge's outcome to the worker's outbox table, inside the transaction that records it; the outbox
 * publisher sends it to the charge outcomes exchange once that transaction has committed. The message id is new per
 * outcome, and there is one outcome per transaction, so transaction-service sees a second copy only as a
 * redelivery of the same message.
 */
@Component
public class ChargeOutcomeOutbox implements ChargeOutcomes {

    private final OutboxWriter writer;
    private final JsonMapper json;
    private final ChargeOutcomeProperties properties;

    public ChargeOutcomeOutbox(OutboxWriter writer, JsonMapper json, ChargeOutcomeProperties properties) {
        this.writer = writer;
        this.json = json;
        this.properties = properties;
    }

    @Override
    public void announce(RecordedCharge charge) {
        var outcome = new ChargeOutcome(charge.chargeId(), charge.transactionId(), charge.clientId(), charge.status(),
                charge.processorReference(), charge.reason(), charge.attempts(), charge.decidedAt());
        // The writer keeps the current trace (the delivery's span), so the outcome continues the charge's trace.
        writer.append(OutboxMessage.json(UUID.randomUUID(), properties.exchange(), properties.routingKey(),
                json.writeValueAsBytes(outcome)));
    }
}
