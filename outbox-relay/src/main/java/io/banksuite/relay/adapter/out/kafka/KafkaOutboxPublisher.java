package io.banksuite.relay.adapter.out.kafka;

import io.banksuite.outbox.OutboxRecord;
import io.banksuite.relay.application.port.out.OutboxPublisher;
import io.banksuite.relay.application.port.out.PublishOutcome;
import io.banksuite.schemas.MessageHeaders;
import io.banksuite.schemas.tracing.TraceContext;
import io.banksuite.schemas.serde.SchemaIds;
import io.banksuite.schemas.serde.WireFormat;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes a batch of outbox rows to Kafka: topic = destination, key = message_key, value = the payload (framed in
 * the Confluent wire format when the row has an Avro schema), headers = the row's headers plus {@code event_id}.
 * Nothing here is specific to an event type: a new event needs no relay code.
 *
 * <p>All rows are sent before any acknowledgement is awaited (the producer batches and pipelines them; the
 * idempotent producer keeps them in order per partition). Sending stops at the first row that fails at once (its
 * schema is refused, its topic name is invalid, it is too large), so that later rows do not overtake it. A failure
 * reported later by the broker cannot stop rows already handed to the producer: those may be delivered but are not
 * marked sent, so they go out again after the failed row (a duplicate, which consumers drop by event_id).
 */
@Component
public class KafkaOutboxPublisher implements OutboxPublisher {

    private final KafkaTemplate<String, byte[]> kafka;
    private final SchemaIds schemaIds;

    public KafkaOutboxPublisher(KafkaTemplate<String, byte[]> kafka, SchemaIds schemaIds) {
        this.kafka = kafka;
        this.schemaIds = schemaIds;
    }

    @Override
    public PublishOutcome publish(List<OutboxRecord> rows, Duration ackTimeout) {
        List<Pending> pending = new ArrayList<>(rows.size());
        PublishOutcome.Failure failure = null;
        for (OutboxRecord row : rows) {
            CompletableFuture<SendResult<String, byte[]>> future;
            try {
                ProducerRecord<String, byte[]> record = toRecord(row);
                // The row's trace becomes the current context, so that a tracing agent's producer span continues
                // the request's trace (and writes its own traceparent header as that trace's child).
                try (var scope = TraceContext.extract(row.headers()).makeCurrent()) {
                    future = kafka.send(record);
                }
            } catch (RuntimeException e) {
                failure = new PublishOutcome.Failure(row, e);
                break;
            }
            pending.add(new Pending(row, future));
            if (future.isCompletedExceptionally()) {
                break; // failed inside send(): the wait below reports it; later rows must not overtake it
            }
        }
        kafka.flush();

        List<Long> acknowledged = new ArrayList<>(pending.size());
        for (Pending p : pending) {
            try {
                p.future().get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
                acknowledged.add(p.row().id());
            } catch (ExecutionException e) {
                failure = new PublishOutcome.Failure(p.row(), e.getCause() == null ? e : e.getCause());
                break;
            } catch (TimeoutException e) {
                failure = new PublishOutcome.Failure(p.row(), e);
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = new PublishOutcome.Failure(p.row(), e);
                break;
            }
        }
        return new PublishOutcome(List.copyOf(acknowledged), Optional.ofNullable(failure));
    }

    ProducerRecord<String, byte[]> toRecord(OutboxRecord row) {
        byte[] value = row.payloadSchema() == null
                ? row.payload()
                : WireFormat.frame(schemaIds.valueSchemaId(row.destination(), row.payloadSchema()), row.payload());
        var headers = new RecordHeaders();
        for (Map.Entry<String, String> header : row.headers().entrySet()) {
            headers.add(new RecordHeader(header.getKey(), header.getValue().getBytes(StandardCharsets.UTF_8)));
        }
        headers.add(new RecordHeader(MessageHeaders.EVENT_ID,
                row.eventId().toString().getBytes(StandardCharsets.UTF_8)));
        return new ProducerRecord<>(row.destination(), null, row.messageKey(), value, headers);
    }

    private record Pending(OutboxRecord row, CompletableFuture<SendResult<String, byte[]>> future) {
    }
}
