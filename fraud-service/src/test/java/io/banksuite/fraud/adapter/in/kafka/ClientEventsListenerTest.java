package io.banksuite.fraud.adapter.in.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.banksuite.events.Channel;
import io.banksuite.events.TransactionCreated;
import io.banksuite.events.TransactionType;
import io.banksuite.fraud.domain.TransactionFacts;
import io.banksuite.inbox.InvalidEventException;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ClientEventsListenerTest {

    private static final Instant OCCURRED_AT = Instant.parse("2026-11-27T14:00:00.123456Z");

    @Test
    void mapsTheEventToWhatTheRulesNeed() {
        UUID eventId = UUID.randomUUID();
        UUID transactionId = UUID.randomUUID();
        TransactionFacts facts = ClientEventsListener.facts(event(eventId.toString(), transactionId.toString()));
        assertThat(facts).isEqualTo(new TransactionFacts(eventId, transactionId, "c-7", 12_345, "BHD", OCCURRED_AT));
    }

    @Test
    void aTransactionIdThatIsNotAUuidIsInvalidNotRetryable() {
        assertThatThrownBy(() -> ClientEventsListener.facts(event(UUID.randomUUID().toString(), "tx-1")))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("tx-1");
    }

    private static TransactionCreated event(String eventId, String transactionId) {
        return TransactionCreated.newBuilder()
                .setEventId(eventId)
                .setOccurredAt(OCCURRED_AT)
                .setTransactionId(transactionId)
                .setClientId("c-7")
                .setAmountMinor(12_345)
                .setCurrency("BHD")
                .setType(TransactionType.TRANSFER)
                .setChannel(Channel.MOBILE)
                .build();
    }
}
