package io.banksuite.analytics.adapter.in.kafka;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.banksuite.analytics.application.EventArchive;
import io.banksuite.analytics.application.port.out.EventArchiveStore.ArchiveUnavailableException;
import io.banksuite.analytics.domain.ArchivedEvent;
import io.banksuite.events.TransactionCreated;
import io.banksuite.inbox.InboxListener;
import io.banksuite.inbox.InboxMetrics;
import io.banksuite.inbox.InboxProperties;
import io.banksuite.inbox.InvalidEventException;
import io.banksuite.inbox.RecordDiagnostics;
import io.banksuite.schemas.MessageHeaders;
import io.banksuite.schemas.Topics;
import io.banksuite.schemas.tracing.TraceContext;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import org.apache.avro.generic.GenericContainer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.core.log.LogAccessor;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

/**
 * Keeps every event of the client stream, of every type, in ClickHouse, one poll's records at a time: the batch is
 * inserted in one request, and the container commits the offsets only after the listener returns, that is after
 * ClickHouse acknowledged the insert. Redelivery changes nothing: ClickHouse keeps one row per event id. Each
 * record gets its own {@code archive} span in its own trace (linked to the batch's), so an event's trace shows its
 * archiving as it shows the other consumers' processing.
 *
 * <ul>
 *   <li>A record that cannot be kept (not Avro, or an event the archive refuses) stops the batch there: the records
 *       before it are inserted and committed, it goes to the dead-letter topic at once, and the rest follow.</li>
 *   <li>ClickHouse down or slow: nothing of the batch is committed; the error handler retries it without limit (as
 *       an outage, with back-off), so the consumer's lag grows and its alert fires, but nothing is lost or skipped.</li>
 * </ul>
 */
@Component
public class ClientEventsListener {

    /** The listener container's id, for operations (stop, start, rewind). */
    public static final String LISTENER_ID = "analytics-client-events";

    private static final String INSTRUMENTATION = "io.banksuite.analytics";

    private static final LogAccessor LOG = new LogAccessor(ClientEventsListener.class);

    private final EventArchive archive;
    private final InboxMetrics metrics;
    private final String group;

    public ClientEventsListener(EventArchive archive, InboxMetrics metrics, InboxProperties inbox) {
        this.archive = archive;
        this.metrics = metrics;
        this.group = inbox.groupId();
    }

    @KafkaListener(id = LISTENER_ID, topics = InboxListener.TOPIC, groupId = InboxListener.GROUP_ID,
            concurrency = InboxListener.CONCURRENCY, batch = "true")
    void on(List<ConsumerRecord<String, Object>> records) {
        List<ArchivedEvent> events = new ArrayList<>(records.size());
        RuntimeException refusal = null;
        int refused = -1;
        for (int i = 0; i < records.size() && refusal == null; i++) {
            try {
                events.add(archived(records.get(i)));
            } catch (DeserializationException | InvalidEventException e) {
                refusal = e;
                refused = i;
            }
        }
        List<Span> spans = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            spans.add(TraceContext.startMessageSpan(INSTRUMENTATION, records.get(i).topic() + " archive",
                    SpanKind.CONSUMER, RecordDiagnostics.traceparent(records.get(i))));
        }
        try {
            archive.archive(events);
        } catch (ArchiveUnavailableException e) {
            spans.forEach(span -> span.recordException(e).setStatus(StatusCode.ERROR));
            // Classified as an outage (a resource failure): retried without limit from the batch's first record.
            throw new BatchListenerFailedException("ClickHouse did not take " + events.size() + " events",
                    new DataAccessResourceFailureException(e.getMessage(), e), records.get(0));
        } finally {
            spans.forEach(Span::end);
        }
        for (int i = 0; i < events.size(); i++) {
            metrics.applied(records.get(i), group);
        }
        if (refusal != null) {
            throw new BatchListenerFailedException("Cannot keep " + RecordDiagnostics.describe(records.get(refused)),
                    refusal, records.get(refused));
        }
    }

    /** The record as analytics keeps it; a record it cannot keep makes its exception. */
    static ArchivedEvent archived(ConsumerRecord<String, Object> record) {
        if (record.value() == null) {
            DeserializationException failure = SerializationUtils.getExceptionFromHeader(record,
                    SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG);
            if (failure != null) {
                throw failure;
            }
            throw new InvalidEventException("Record " + RecordDiagnostics.describe(record) + " has no value");
        }
        if (!(record.value() instanceof GenericContainer event)) {
            throw new InvalidEventException("Not an Avro record: " + record.value().getClass().getName());
        }
        try {
            String eventId = RecordDiagnostics.eventId(record);
            if (eventId == null) {
                throw new IllegalArgumentException("no eventId");
            }
            var source = new ArchivedEvent.Source(record.topic(), record.partition(), record.offset());
            return new ArchivedEvent(UUID.fromString(eventId), eventType(record, event), record.key(),
                    RecordDiagnostics.occurredAt(record), event.toString(), transactionColumns(event), source);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidEventException("Invalid " + event.getSchema().getName() + " "
                    + RecordDiagnostics.eventId(record) + ": " + e.getMessage(), e);
        }
    }

    /**
     * The event type the suite's contract gives the record's Avro type; for a type the contract does not know (yet),
     * the record's {@code event_type} header, else its Avro record name.
     */
    private static String eventType(ConsumerRecord<String, Object> record, GenericContainer event) {
        String recordName = event.getSchema().getFullName();
        return Topics.CLIENT_EVENTS.eventTypeOf(recordName).map(Topics.EventType::name).orElseGet(() -> {
            Header header = record.headers().lastHeader(MessageHeaders.EVENT_TYPE);
            return header != null && header.value() != null && header.value().length > 0
                    ? new String(header.value(), StandardCharsets.UTF_8) : recordName;
        });
    }

    private static ArchivedEvent.TransactionColumns transactionColumns(GenericContainer event) {
        if (!(event instanceof TransactionCreated transaction)) {
            return null;
        }
        return new ArchivedEvent.TransactionColumns(transaction.getTransactionId(), transaction.getAmountMinor(),
                transaction.getCurrency(), transaction.getMerchantCategory(), transaction.getMerchantCountry(),
                transaction.getChannel().name());
    }
}
