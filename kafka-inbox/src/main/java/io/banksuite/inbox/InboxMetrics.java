package io.banksuite.inbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The meters of a consumer of the suite's topics, tagged {@code topic} and {@code group}: what it applied, skipped as
 * duplicate or as not its type, and how old events were when their effect committed. {@link InboxProcessor} records
 * them; a consumer that keeps its effects elsewhere (analytics in ClickHouse) records the same, so that dashboards
 * and alerts see every consumer alike.
 */
public final class InboxMetrics {

    public static final String APPLIED = "inbox.events.applied";
    public static final String DUPLICATE = "inbox.events.duplicate";
    /** Records of an event type the consumer does not handle, on a topic of several types. */
    public static final String IGNORED = "inbox.events.ignored";
    /** From the event's {@code occurredAt} (else the record's timestamp) to the commit of its effect. */
    public static final String EVENT_AGE = "inbox.event.age";

    private final MeterRegistry meters;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> ages = new ConcurrentHashMap<>();

    public InboxMetrics(MeterRegistry meters) {
        this.meters = Objects.requireNonNull(meters, "meters");
    }

    /** An event whose effect committed just now. */
    public void applied(ConsumerRecord<?, ?> record, String group) {
        counter(APPLIED, "Events whose effect this service applied", record.topic(), group, null).increment();
        age(record.topic(), group).record(ageAtCommit(record));
    }

    public void duplicate(String topic, String group) {
        counter(DUPLICATE, "Redelivered events skipped because they were applied before", topic, group, null)
                .increment();
    }

    /** @param type the record's Avro full name (or Java class) */
    public void ignored(String topic, String group, String type) {
        counter(IGNORED, "Records of an event type this service does not handle, skipped", topic, group, type)
                .increment();
    }

    private Counter counter(String name, String description, String topic, String group, String type) {
        return counters.computeIfAbsent(name + '|' + topic + '|' + group + '|' + type, k -> {
            var builder = Counter.builder(name).description(description).tag("topic", topic).tag("group", group);
            if (type != null) {
                builder.tag("type", type);
            }
            return builder.register(meters);
        });
    }

    private Timer age(String topic, String group) {
        return ages.computeIfAbsent(topic + '|' + group, k -> Timer.builder(EVENT_AGE)
                .description("How old events are when this service has applied them: occurredAt to the commit")
                .tag("topic", topic)
                .tag("group", group)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(5))
                .maximumExpectedValue(Duration.ofHours(1))
                .register(meters));
    }

    /** Never negative: a producer's clock ahead of ours counts as no age. */
    private static Duration ageAtCommit(ConsumerRecord<?, ?> record) {
        Duration age = Duration.between(RecordDiagnostics.occurredAt(record), Instant.now());
        return age.isNegative() ? Duration.ZERO : age;
    }
}
