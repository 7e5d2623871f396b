package io.banksuite.fraud.adapter.out.messaging;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.banksuite.fraud.application.port.out.ChargeRequester;
import io.banksuite.fraud.domain.TransactionFacts;
import io.banksuite.outbox.OutboxMessage;
import io.banksuite.outbox.OutboxWriter;
import io.banksuite.schemas.charge.ChargeRequest;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the charge request of a card payment fraud let through to the outbox table, inside the caller's
 * transaction; the outbox publisher sends it to the charges exchange once that transaction has committed.
 */
@Component
public class ChargeRequestOutbox implements ChargeRequester {

    private final OutboxWriter writer;
    private final JsonMapper json;
    private final ChargeOutboxProperties charge;
    private final Clock clock;

    public ChargeRequestOutbox(OutboxWriter writer, JsonMapper json, ChargeOutboxProperties charge, Clock clock) {
        this.writer = writer;
        this.json = json;
        this.charge = charge;
        this.clock = clock;
    }

    @Override
    public UUID requestCharge(TransactionFacts transaction, String traceparent) {
        TransactionFacts.CardPayment card = transaction.card();
        if (card == null) {
            throw new IllegalArgumentException("transaction " + transaction.transactionId() + " is not a card payment");
        }
        var request = new ChargeRequest(UUID.randomUUID(), transaction.transactionId(), transaction.clientId(),
                card.cardId(), transaction.amountMinor(), transaction.currency(), card.merchantId(),
                transaction.eventId(), clock.instant().truncatedTo(ChronoUnit.MICROS));
        OutboxMessage message = OutboxMessage.json(request.chargeId(), charge.exchange(), charge.routingKey(),
                json.writeValueAsBytes(request));
        writer.append(message.continuingTrace(traceparent));
        return request.chargeId();
    }
}
