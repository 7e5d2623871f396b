package io.banksuite.transaction.adapter.out.messaging;

import io.banksuite.events.Channel;
import io.banksuite.events.TransactionCreated;
import io.banksuite.events.TransactionType;
import io.banksuite.schemas.Topics;
import io.banksuite.transaction.application.port.out.TransactionEventPublisher;
import io.banksuite.transaction.domain.Transaction;
import org.springframework.stereotype.Component;

/** Queues TransactionCreated on the client stream, in the caller's database transaction. */
@Component
public class OutboxTransactionEventPublisher implements TransactionEventPublisher {

    private final ClientEventsOutbox outbox;

    public OutboxTransactionEventPublisher(ClientEventsOutbox outbox) {
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
                .setType(typeOf(transaction.type()))
                .setMerchantId(transaction.merchantId())
                .setMerchantCategory(transaction.merchantCategory())
                .setMerchantCountry(transaction.merchantCountry())
                .setChannel(channelOf(transaction.channel()))
                .setCardId(transaction.cardId())
                .build();
        outbox.append(Topics.TRANSACTION_CREATED, transaction.eventId(), transaction.clientId(), event);
    }

    /** The event's symbol of a domain value: same name (the event's OTHER is only a default for old readers). */
    static TransactionType typeOf(io.banksuite.transaction.domain.TransactionType type) {
        return TransactionType.valueOf(type.name());
    }

    static Channel channelOf(io.banksuite.transaction.domain.Channel channel) {
        return Channel.valueOf(channel.name());
    }
}
