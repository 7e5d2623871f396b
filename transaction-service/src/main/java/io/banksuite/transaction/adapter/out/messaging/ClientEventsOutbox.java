package io.banksuite.transaction.adapter.out.messaging;

import java.util.UUID;

import io.banksuite.outbox.OutboxMessage;
import io.banksuite.outbox.OutboxWriter;
import io.banksuite.schemas.MessageHeaders;
import io.banksuite.schemas.Topics;
import io.banksuite.schemas.serde.AvroBinary;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.stereotype.Component;

/**
 * Queues an event about a client on the client stream ({@link Topics#CLIENT_EVENTS}, keyed by client id, so one
 * client's events keep their order across types), in the caller's database transaction. The payload is plain
 * Avro binary with its writer schema beside it; outbox-relay registers the schema and frames the payload in the
 * Confluent wire format, so a new event type needs no relay code.
 */
@Component
public class ClientEventsOutbox {

    private final OutboxWriter outbox;

    public ClientEventsOutbox(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    public void append(Topics.EventType type, UUID eventId, String clientId, SpecificRecord event) {
        if (!type.schema().equals(event.getSchema())) {
            throw new IllegalArgumentException("A " + event.getSchema().getFullName() + " is not a " + type.name());
        }
        outbox.append(OutboxMessage.avro(eventId, Topics.CLIENT_EVENTS.name(), clientId, AvroBinary.encode(event),
                        type.schema().toString())
                .withHeader(MessageHeaders.EVENT_TYPE, type.name()));
    }
}
