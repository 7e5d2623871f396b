package io.banksuite.notification.adapter.in.amqp;

import io.banksuite.schemas.notification.NotificationJob;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the JSON messages of the RabbitMQ contracts ({@code JsonContract}): a fraud alert ({@link NotificationJob}) or
 * a charge request; anything it cannot turn into a valid message of the type is a poison message.
 */
@Component
public class JobCodec {

    private final JsonMapper jsonMapper;

    public JobCodec(JsonMapper jsonMapper) {
        // Publishers may add fields before this worker knows them (additive contract changes must not poison jobs).
        this.jsonMapper = jsonMapper.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    public NotificationJob read(byte[] body) {
        return read(body, NotificationJob.class, "notification job");
    }

    /** @param what the message's kind, for the poison reason */
    public <T> T read(byte[] body, Class<T> type, String what) {
        if (body == null || body.length == 0) {
            throw new UnreadableJobException("empty body");
        }
        try {
            T message = jsonMapper.readValue(body, type);
            if (message == null) {
                throw new UnreadableJobException("body is JSON null");
            }
            return message;
        } catch (JacksonException e) {
            // getOriginalMessage leaves out the source excerpt: the body may be large and it is in the DLQ anyway.
            throw new UnreadableJobException("not a valid " + what + ": " + e.getOriginalMessage(), e);
        }
    }

    /** The body cannot be parsed into a job. */
    public static class UnreadableJobException extends RuntimeException {
        UnreadableJobException(String message) {
            super(message);
        }

        UnreadableJobException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
