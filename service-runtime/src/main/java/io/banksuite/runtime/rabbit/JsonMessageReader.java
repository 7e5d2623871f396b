package io.banksuite.runtime.rabbit;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the JSON body of a message of one of the suite's RabbitMQ contracts ({@code JsonContract}) into its record;
 * anything it cannot turn into a valid message of the type (empty, not JSON, JSON null, a record constructor that
 * refuses it) is {@link UnreadableMessageException}: a poison message, to be parked, never retried. Fields it does
 * not know are skipped, so that a publisher may add one before its consumers know it.
 */
public class JsonMessageReader {

    private final JsonMapper jsonMapper;

    public JsonMessageReader(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    /**
     * @param what the message's kind, for the poison reason
     * @throws UnreadableMessageException when the body is not such a message
     */
    public <T> T read(byte[] body, Class<T> type, String what) {
        if (body == null || body.length == 0) {
            throw new UnreadableMessageException("empty body", null);
        }
        try {
            T message = jsonMapper.readValue(body, type);
            if (message == null) {
                throw new UnreadableMessageException("body is JSON null", null);
            }
            return message;
        } catch (JacksonException e) {
            // getOriginalMessage leaves out the source excerpt: the body may be large and it is in the DLQ anyway.
            throw new UnreadableMessageException("not a valid " + what + ": " + e.getOriginalMessage(), e);
        }
    }

    /** The body cannot be read as the message it should be. */
    public static class UnreadableMessageException extends RuntimeException {
        UnreadableMessageException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
