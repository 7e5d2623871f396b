package io.banksuite.notification.adapter.in.amqp;

import io.banksuite.runtime.rabbit.JsonMessageReader;
import io.banksuite.schemas.notification.NotificationJob;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the worker's jobs (the JSON messages of the RabbitMQ contracts, {@code JsonContract}): a fraud alert
 * ({@link NotificationJob}) or a charge request; anything it cannot turn into a valid message of the type is a
 * poison message ({@link JsonMessageReader.UnreadableMessageException}).
 */
@Component
public class JobCodec extends JsonMessageReader {

    public JobCodec(JsonMapper jsonMapper) {
        super(jsonMapper);
    }

    public NotificationJob read(byte[] body) {
        return read(body, NotificationJob.class, "notification job");
    }
}
