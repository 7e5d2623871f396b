package io.banksuite.inbox;

import java.util.Objects;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;

/**
 * Where an event came from, as recorded in the inbox: its id (the dedup key) and the Kafka coordinates of the
 * record that carried it.
 */
public record InboundEvent(UUID eventId, String consumerGroup, String topic, int partition, long offset,
                           @Nullable String recordKey) {

    public InboundEvent {
        Objects.requireNonNull(eventId, "eventId");
        requireText(consumerGroup, "consumerGroup");
        requireText(topic, "topic");
        if (partition < 0) {
            throw new IllegalArgumentException("partition must be >= 0: " + partition);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0: " + offset);
        }
    }

    /**
     * The inbound event of a consumed record.
     *
     * @throws InvalidEventException if {@code eventId} is not a UUID (retrying such a record cannot help)
     */
    public static InboundEvent of(ConsumerRecord<?, ?> record, String consumerGroup, @Nullable String eventId) {
        Object key = record.key();
        return new InboundEvent(parseEventId(eventId), consumerGroup, record.topic(), record.partition(),
                record.offset(), key == null ? null : key.toString());
    }

    /**
     * Parses an event id.
     *
     * @throws InvalidEventException if it is missing or not a UUID
     */
    public static UUID parseEventId(@Nullable String eventId) {
        if (eventId == null || eventId.isBlank()) {
            throw new InvalidEventException("Event has no eventId");
        }
        try {
            return UUID.fromString(eventId);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("eventId is not a UUID: '" + eventId + "'", e);
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
