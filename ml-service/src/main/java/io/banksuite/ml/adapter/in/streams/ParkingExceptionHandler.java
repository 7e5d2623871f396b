package io.banksuite.ml.adapter.in.streams;

import java.util.Map;

import io.banksuite.inbox.RecordDiagnostics;
import io.banksuite.inbox.kafka.InboxRetryListener;
import io.banksuite.schemas.serde.SchemaRegistryException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the stream does with a record of {@code client.events} it cannot use, as its deserialization and its
 * processing exception handler (Kafka Streams builds one of each): it parks the record, original key, bytes and
 * headers, in its dead-letter topic ({@code errors.dead.letter.queue.topic.name}, with Kafka Streams' exception
 * headers, built by its own log-and-continue handlers) and goes on. Under exactly-once the parked copy is part of
 * the same transaction as the offsets, so it is parked once. Each parking is logged at ERROR with the record's
 * coordinates, event id and trace id, and counted ({@link Parking}). What is not the record's fault stops the
 * stream thread instead (the uncaught-exception handler replaces it, and the record is read again): a registry that
 * cannot be reached, or a failure of the state store.
 */
public final class ParkingExceptionHandler extends LogAndContinueExceptionHandler implements ProcessingExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ParkingExceptionHandler.class);

    private final LogAndContinueProcessingExceptionHandler processing = new LogAndContinueProcessingExceptionHandler();
    private Parking parking;

    @Override
    public void configure(Map<String, ?> configs) {
        super.configure(configs);
        processing.configure(configs);
        parking = Parking.of(configs);
    }

    /** Bytes that are not an event the registry can resolve: not Confluent-framed Avro, an unknown schema id. */
    @Override
    public DeserializationExceptionHandler.Response handleError(ErrorHandlerContext context,
            ConsumerRecord<byte[], byte[]> record, Exception exception) {
        if (registryUnreachable(exception)) {
            log.warn("Cannot read {}: the schema registry is unreachable; the stream thread stops and the record"
                    + " is read again", describe(context, null), exception);
            return DeserializationExceptionHandler.Response.fail();
        }
        parking.parked(context, null, exception);
        return super.handleError(context, record, exception);
    }

    /** An event the fold refuses: a field it cannot take ({@link IllegalArgumentException}), an overflowing total. */
    @Override
    public ProcessingExceptionHandler.Response handleError(ErrorHandlerContext context, Record<?, ?> record,
                                                           Exception exception) {
        if (!(exception instanceof IllegalArgumentException || exception instanceof ArithmeticException
                || exception instanceof NullPointerException)) {
            return ProcessingExceptionHandler.Response.fail();
        }
        parking.parked(context, RecordDiagnostics.eventIdOf(record.value()), exception);
        return processing.handleError(context, record, exception);
    }

    /**
     * Where records are parked, and how it is told: a log line, and the inbox's dead-letter counter (tags topic,
     * group = the application id, exception), so the suite's dead-letter alert and dashboard panel count the
     * stream's parked records with the consumers'. The handlers are built by Kafka Streams, not Spring, so the
     * counter is registered in Micrometer's global registry, which Spring Boot's registry joins.
     */
    private record Parking(String deadLetterTopic, String group) {

        static Parking of(Map<String, ?> configs) {
            return new Parking(String.valueOf(configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG)),
                    String.valueOf(configs.get(StreamsConfig.APPLICATION_ID_CONFIG)));
        }

        void parked(ErrorHandlerContext context, @Nullable String eventId, Exception exception) {
            log.error("Parked {} on {}: {}", describe(context, eventId), deadLetterTopic, exception.toString());
            Throwable root = exception;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            Counter.builder(InboxRetryListener.DEAD_LETTERED_METRIC)
                    .description("Records this service could not process and parked in its dead-letter topic")
                    .tag("topic", context.topic())
                    .tag("group", group)
                    .tag("exception", root.getClass().getSimpleName())
                    .register(Metrics.globalRegistry)
                    .increment();
        }
    }

    /** {@code topic-partition@offset eventId=... traceId=...}, as the inbox's log lines have it. */
    static String describe(ErrorHandlerContext context, @Nullable String eventId) {
        return RecordDiagnostics.describe(context.topic(), context.partition(), context.offset(), context.headers(),
                eventId);
    }

    /** The registry did not answer, or answered with a server error: retrying can help, parking would lose order. */
    static boolean registryUnreachable(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SchemaRegistryException registry
                    && (registry.status() == 0 || registry.status() >= 500)) {
                return true;
            }
        }
        return false;
    }
}
