package io.banksuite.fraud.adapter.in.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.banksuite.events.Channel;
import io.banksuite.events.TransactionCreated;
import io.banksuite.events.TransactionType;
import io.banksuite.fraud.domain.ClientStanding;
import io.banksuite.fraud.domain.ClientStatus;
import io.banksuite.fraud.domain.SpendingLimit;
import io.banksuite.fraud.domain.TransactionFacts;
import io.banksuite.inbox.testing.ClientEvents;
import io.banksuite.inbox.InvalidEventException;
import java.time.Instant;
import java.util.List;
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

    @Test
    void mapsAProfileChangeToTheStatusInForceFromItsTime() {
        var event = ClientEvents.profile("c-7", 4, io.banksuite.events.ClientStatus.BLOCKED, "RETAIL", OCCURRED_AT);

        assertThat(ClientEventsListener.statusChange(event))
                .isEqualTo(new ClientStanding.StatusChange("c-7", 4, OCCURRED_AT, ClientStatus.BLOCKED));
    }

    @Test
    void mapsALimitChangeToEveryLimitInForceFromItsTime() {
        var event = ClientEvents.limits("c-7", 2, OCCURRED_AT, ClientEvents.limit("EUR", 100_00, 500_00),
                ClientEvents.limit("JPY", 10_000, 10_000));

        assertThat(ClientEventsListener.limitsChange(event)).isEqualTo(new ClientStanding.LimitsChange("c-7", 2,
                OCCURRED_AT, List.of(new SpendingLimit("EUR", 100_00, 500_00), new SpendingLimit("JPY", 10_000, 10_000))));
    }

    @Test
    void aLimitTheRulesCannotTakeIsRefusedByTheMapping() {
        assertThatThrownBy(() -> ClientEventsListener.limitsChange(ClientEvents.limits("c-7", 1, OCCURRED_AT,
                ClientEvents.limit("ZZZ", 1, 1)))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ZZZ");
        assertThatThrownBy(() -> ClientEventsListener.limitsChange(ClientEvents.limits("c-7", 1, OCCURRED_AT,
                ClientEvents.limit("EUR", 500, 100)))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClientEventsListener.limitsChange(ClientEvents.limits("c-7", 1, OCCURRED_AT,
                ClientEvents.limit("EUR", 1, 1), ClientEvents.limit("EUR", 2, 2))))
                .isInstanceOf(IllegalArgumentException.class);
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
