package io.banksuite.notification.adapter.in.amqp;

import io.banksuite.schemas.notification.NotificationJob;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Reads the job JSON of the RabbitMQ contract; anything it cannot turn into a valid job is a poison message. */
@Component
public class NotificationJobCodec {

    private final JsonMapper jsonMapper;

    public NotificationJobCodec(JsonMapper jsonMapper) {
        // Publishers may add fields before this worker knows them (additive contract changes must not poison jobs).
        this.jsonMapper = jsonMapper.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    public NotificationJob read(byte[] body) {
        if (body == null || body.length == 0) {
            throw new UnreadableJobException("empty body");
        }
        try {
            NotificationJob job = jsonMapper.readValue(body, NotificationJob.class);
            if (job == null) {
                throw new UnreadableJobException("body is JSON null");
            }
            return job;
        } catch (JacksonException e) {
            // getOriginalMessage leaves out the source excerpt: the body may be large and it is in the DLQ anyway.
            throw new UnreadableJobException("not a valid notification job: " + e.getOriginalMessage(), e);
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
