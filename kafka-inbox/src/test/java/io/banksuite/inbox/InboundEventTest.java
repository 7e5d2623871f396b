package io.banksuite.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class InboundEventTest {

    @Test
    void takesTheCoordinatesOfTheRecord() {
        String id = UUID.randomUUID().toString();
        var record = TestEvents.record(TestEvents.event(id, "c-1"), 4, 42);

        InboundEvent event = InboundEvent.of(record, "ml-consumer", id);

        assertThat(event).isEqualTo(new InboundEvent(UUID.fromString(id), "ml-consumer", TestEvents.TOPIC, 4, 42,
                "c-1"));
    }

    @Test
    void aRecordWithoutKeyHasNoRecordKey() {
        var record = new ConsumerRecord<String, String>("t", 0, 0, null, "v");
        assertThat(InboundEvent.of(record, "g", UUID.randomUUID().toString()).recordKey()).isNull();
    }

    @Test
    void anEventIdThatIsNotAUuidIsInvalid() {
        var record = new ConsumerRecord<>("t", 0, 0, "k", "v");
        assertThatThrownBy(() -> InboundEvent.of(record, "g", "not-a-uuid"))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("not-a-uuid");
        assertThatThrownBy(() -> InboundEvent.of(record, "g", null)).isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> InboundEvent.of(record, "g", " ")).isInstanceOf(InvalidEventException.class);
    }

    @Test
    void requiresGroupAndTopic() {
        UUID id = UUID.randomUUID();
        assertThatThrownBy(() -> new InboundEvent(id, " ", "t", 0, 0, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InboundEvent(id, "g", "", 0, 0, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InboundEvent(id, "g", "t", -1, 0, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
