package io.banksuite.transaction.outbox;

import io.banksuite.events.TransactionCreated;
import io.banksuite.outbox.OutboxMessage;
import io.banksuite.outbox.OutboxWriter;
import io.banksuite.schemas.Topics;
import io.banksuite.schemas.serde.AvroBinary;
import io.banksuite.transaction.transaction.Transaction;
import io.banksuite.transaction.transaction.TransactionEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Queues TransactionCreated in the outbox, in the caller's database transaction. The payload is plain Avro binary
 * with its writer schema beside it; outbox-relay registers the schema and frames the payload in the Confluent
 * wire format, so a new event type needs no relay code.
 */
@Component
class OutboxTransactionEventPublisher implements TransactionEventPublisher {

    private static final String WRITER_SCHEMA = TransactionCreated.getClassSchema().toString();

    private final OutboxWriter outbox;

    OutboxTransactionEventPublisher(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    @Override
    public void transactionCreated(Transaction transaction) {
        TransactionCreated event = TransactionCreated.newBuilder()
                .setEventId(transaction.eventId().toString())
                .setOccurredAt(transaction.occurredAt())
                .setTransactionId(transaction.id().toString())
                .setClientId(transaction.clientId())
                .setAmountMinor(transaction.amountMinor())
                .setCurrency(transaction.currency().getCurrencyCode())
                .setType(transaction.type())
                .setMerchantId(transaction.merchantId())
                .setMerchantCategory(transaction.merchantCategory())
                .setMerchantCountry(transaction.merchantCountry())
                .setChannel(transaction.channel())
                .build();
        outbox.append(OutboxMessage.avro(transaction.eventId(), Topics.TRANSACTION_CREATED.name(),
                transaction.clientId(), AvroBinary.encode(event), WRITER_SCHEMA));
    }
}
