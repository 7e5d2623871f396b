package io.banksuite.inbox;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import io.banksuite.schemas.MdcKeys;
import io.banksuite.schemas.tracing.TraceContext;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies each event at most once: in one database transaction it records the event in the inbox and, only if
 * the event is new, runs the service's effect. A service's Kafka listener is then just
 * <pre>{@code
 * @KafkaListener(topics = "${inbox.topic}", groupId = "${inbox.group-id}", concurrency = "${inbox.concurrency}")
 * void on(ConsumerRecord<String, TransactionCreated> record) {
 *     inbox.process(record, Observation::of, features::record);
 * }
 * }</pre>
 * The listener returns after the commit, and the container commits the offset only after the listener returns;
 * a crash in between redelivers the record, which the inbox then skips. An exception from the effect rolls the
 * whole transaction back (inbox row included) and propagates to the container's error handler, which retries
 * and finally parks the record in the dead-letter topic.
 */
public class InboxProcessor {

    public static final String APPLIED_METRIC = InboxMetrics.APPLIED;
    public static final String DUPLICATE_METRIC = InboxMetrics.DUPLICATE;
    public static final String IGNORED_METRIC = InboxMetrics.IGNORED;
    public static final String EVENT_AGE_METRIC = InboxMetrics.EVENT_AGE;

    private static final Logger log = LoggerFactory.getLogger(InboxProcessor.class);

    private final ProcessedEvents processedEvents;
    private final TransactionTemplate transactions;
    private final InboxMetrics metrics;
    private final @Nullable String defaultConsumerGroup;

    /**
     * @param defaultConsumerGroup recorded as the consumer group when {@link #process} is not called on a listener
     *                             container's thread (which knows its group); may be null
     */
    public InboxProcessor(ProcessedEvents processedEvents, PlatformTransactionManager transactionManager,
                          MeterRegistry meters, @Nullable String defaultConsumerGroup) {
        this.processedEvents = Objects.requireNonNull(processedEvents, "processedEvents");
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
        this.metrics = new InboxMetrics(meters);
        this.defaultConsumerGroup = defaultConsumerGroup;
    }

    /**
     * Maps the event to what the service's effect takes, then runs the effect once per event id (the value's
     * {@code eventId}) in the same database transaction as the inbox row. The mapping runs first, outside the
     * transaction: an event it refuses ({@link IllegalArgumentException}, {@link NullPointerException}) can never
     * be applied, so it becomes an {@link InvalidEventException}, which the error handler parks at once.
     *
     * @return true if the effect ran and committed, false if the event was a duplicate
     * @throws InvalidEventException if the record has no value, its event id is not a UUID, or the mapping refused it
     */
    public <V extends SpecificRecord, T> boolean process(ConsumerRecord<String, V> record,
                                                         Function<? super V, ? extends T> mapping,
                                                         Consumer<? super T> effect) {
        Objects.requireNonNull(mapping, "mapping");
        Objects.requireNonNull(effect, "effect");
        V value = requireValue(record);
        Runnable prepared = prepare(record, value, () -> {
            T mapped = mapping.apply(value);
            return () -> effect.accept(mapped);
        });
        return process(record, RecordDiagnostics.eventId(record), prepared);
    }

    /**
     * For a topic of several event types: the route of the value's type maps it and runs its effect as
     * {@link #process(ConsumerRecord, Function, Consumer)} does. A value of a type the routes do not handle is
     * skipped (counted as {@value #IGNORED_METRIC}, tagged with its type), and its offset is committed as usual.
     *
     * @return true if the effect ran and committed; false if the event was a duplicate or not this consumer's
     * @throws InvalidEventException if the record has no value, its event id is not a UUID, or the mapping refused it
     */
    @SuppressWarnings("unchecked")
    public boolean process(ConsumerRecord<String, ?> record, EventRoutes routes) {
        Objects.requireNonNull(routes, "routes");
        Object value = requireValue(record);
        var route = routes.routeOf(value);
        if (route.isEmpty()) {
            String type = value instanceof GenericContainer avro ? avro.getSchema().getFullName()
                    : value.getClass().getName();
            metrics.ignored(record.topic(), consumerGroup(), type);
            log.debug("Skipped {} {} from {}: not an event type this consumer handles", type,
                    RecordDiagnostics.eventId(record), RecordDiagnostics.describe(record));
            return false;
        }
        Runnable prepared = prepare(record, value, () -> route.get().prepare(value));
        return process((ConsumerRecord<String, ? extends SpecificRecord>) record, RecordDiagnostics.eventId(record),
                prepared);
    }

    /** Runs the mapping outside the transaction; an event it refuses can never be applied. */
    private static Runnable prepare(ConsumerRecord<String, ?> record, Object value, Supplier<Runnable> mapping) {
        try {
            return mapping.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            String type = value instanceof GenericContainer avro ? avro.getSchema().getName()
                    : value.getClass().getSimpleName();
            throw new InvalidEventException("Invalid " + type + " " + RecordDiagnostics.eventId(record) + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code effect} once per {@code eventId}, in the same database transaction as the inbox row.
     *
     * @param record  the consumed record (for the inbox row and the logs)
     * @param eventId the event's unique id (a UUID string), normally {@code record.value().getEventId()}
     * @param effect  the service's database work for this event; runs inside the transaction, on this thread
     * @return true if the effect ran and committed, false if the event was a duplicate
     * @throws InvalidEventException if the record has no value or the event id is not a UUID
     */
    public boolean process(ConsumerRecord<String, ? extends SpecificRecord> record, String eventId, Runnable effect) {
        Objects.requireNonNull(effect, "effect");
        requireValue(record);
        InboundEvent event = InboundEvent.of(record, consumerGroup(), eventId);
        try (MdcScope ignored = MdcScope.of(event.eventId().toString(), RecordDiagnostics.traceId(record))) {
            Boolean applied = transactions.execute(status -> {
                if (!processedEvents.markProcessed(event)) {
                    return false;
                }
                effect.run();
                return true;
            });
            boolean isNew = Boolean.TRUE.equals(applied);
            if (isNew) {
                metrics.applied(record, event.consumerGroup());
            } else {
                metrics.duplicate(event.topic(), event.consumerGroup());
                log.debug("Skipped duplicate event {} from {}-{}@{} (group {})", event.eventId(), event.topic(),
                        event.partition(), event.offset(), event.consumerGroup());
            }
            return isNew;
        }
    }

    private static <V> V requireValue(ConsumerRecord<String, V> record) {
        Objects.requireNonNull(record, "record");
        if (record.value() == null) {
            throw new InvalidEventException("Record " + record.topic() + "-" + record.partition() + "@"
                    + record.offset() + " has no value");
        }
        return record.value();
    }

    private String consumerGroup() {
        String group = KafkaUtils.getConsumerGroupId();
        if (group == null) {
            group = defaultConsumerGroup;
        }
        if (group == null || group.isBlank()) {
            throw new IllegalStateException("No consumer group: call InboxProcessor.process from a Kafka listener "
                    + "thread, or set inbox.group-id");
        }
        return group;
    }

    /**
     * Puts the event id into the MDC for the effect, and the trace id when no span is current. With a tracing agent
     * a span is current, and the agent writes both its trace id and span id into every log event; an MDC entry of
     * ours would make it write neither.
     */
    private record MdcScope(boolean traceIdAdded, @Nullable String previousEventId) implements AutoCloseable {

        static MdcScope of(String eventId, @Nullable String traceId) {
            String previousEventId = MDC.get(MdcKeys.EVENT_ID);
            MDC.put(MdcKeys.EVENT_ID, eventId);
            boolean addTrace = traceId != null && MDC.get(MdcKeys.TRACE_ID) == null && !TraceContext.hasCurrentSpan();
            if (addTrace) {
                MDC.put(MdcKeys.TRACE_ID, traceId);
            }
            return new MdcScope(addTrace, previousEventId);
        }

        @Override
        public void close() {
            if (previousEventId == null) {
                MDC.remove(MdcKeys.EVENT_ID);
            } else {
                MDC.put(MdcKeys.EVENT_ID, previousEventId);
            }
            if (traceIdAdded) {
                MDC.remove(MdcKeys.TRACE_ID);
            }
        }
    }
}
