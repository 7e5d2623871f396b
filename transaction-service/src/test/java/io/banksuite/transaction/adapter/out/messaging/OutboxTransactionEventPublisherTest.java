package io.banksuite.transaction.adapter.out.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import io.banksuite.transaction.domain.Channel;
import io.banksuite.transaction.domain.TransactionType;
import org.junit.jupiter.api.Test;

/** The domain's values and the event's symbols stay in step: each maps to its namesake, and none is missing. */
class OutboxTransactionEventPublisherTest {

    @Test
    void everyTransactionTypeIsASymbolOfTheEvent() {
        assertThat(Arrays.stream(TransactionType.values()).map(OutboxTransactionEventPublisher::typeOf).map(Enum::name))
                .containsExactlyElementsOf(Arrays.stream(TransactionType.values()).map(Enum::name).toList());
        assertThat(Arrays.stream(io.banksuite.events.TransactionType.values()).map(Enum::name)
                .filter(symbol -> !symbol.equals("OTHER")))
                .as("a new symbol of the event is offered by the API too")
                .containsExactlyElementsOf(Arrays.stream(TransactionType.values()).map(Enum::name).toList());
    }

    @Test
    void everyChannelIsASymbolOfTheEvent() {
        assertThat(Arrays.stream(Channel.values()).map(OutboxTransactionEventPublisher::channelOf).map(Enum::name))
                .containsExactlyElementsOf(Arrays.stream(Channel.values()).map(Enum::name).toList());
        assertThat(Arrays.stream(io.banksuite.events.Channel.values()).map(Enum::name)
                .filter(symbol -> !symbol.equals("OTHER")))
                .containsExactlyElementsOf(Arrays.stream(Channel.values()).map(Enum::name).toList());
    }
}
