package io.banksuite.lag.application;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.banksuite.lag.application.port.out.ConsumerGroupOffsets;
import io.banksuite.lag.domain.GroupLag;
import io.banksuite.lag.domain.PartitionLag;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reads every group's lag from the broker now and then and keeps it as gauges (Prometheus names):
 * <ul>
 *   <li>{@code consumer_group_lag_records{group, topic, partition}}: records written and not applied yet;</li>
 *   <li>{@code consumer_group_time_lag_seconds{group, topic, partition}}: age of the oldest record not applied yet
 *       (0 when caught up);</li>
 *   <li>{@code consumer_group_members{group}}: live consumers; 0 when the group is down;</li>
 *   <li>{@code consumer_group_lag_read_failures_total}: readings that failed (the gauges keep the last one).</li>
 * </ul>
 * A group appears once it has committed on a watched topic, and stays while its commits do, down or not.
 */
@Component
public class LagMonitor {

    private static final Logger log = LoggerFactory.getLogger(LagMonitor.class);

    private final ConsumerGroupOffsets offsets;
    private final LagProperties properties;
    private final Clock clock;
    private final GaugeSet records;
    private final GaugeSet timeLag;
    private final GaugeSet members;
    private final Counter failures;
    private volatile List<GroupLag> last = List.of();

    public LagMonitor(ConsumerGroupOffsets offsets, LagProperties properties, Clock clock, MeterRegistry meters) {
        this.offsets = offsets;
        this.properties = properties;
        this.clock = clock;
        this.records = new GaugeSet(meters, "consumer.group.lag", "records",
                "Records of the topic partition not yet applied by the consumer group");
        this.timeLag = new GaugeSet(meters, "consumer.group.time.lag", "seconds",
                "Age of the oldest record the consumer group has not applied yet; 0 when caught up");
        this.members = new GaugeSet(meters, "consumer.group.members", null,
                "Consumers now in the group; 0 when all of them are down");
        this.failures = Counter.builder("consumer.group.lag.read.failures")
                .description("Readings of the consumer groups' offsets that failed")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${lag.poll-interval:10s}", initialDelay = 0)
    public void read() {
        try {
            List<GroupLag> groups = offsets.lagOn(properties.topics());
            publish(groups, clock.instant());
            last = groups;
        } catch (RuntimeException e) {
            failures.increment();
            log.warn("Cannot read the consumer groups' offsets on {}; the gauges keep the last reading: {}",
                    properties.topics(), e.toString(), e);
        }
    }

    /** The last reading, for diagnostics and tests. */
    public List<GroupLag> last() {
        return last;
    }

    private void publish(List<GroupLag> groups, Instant now) {
        Map<Tags, Double> recordValues = new HashMap<>();
        Map<Tags, Double> timeValues = new HashMap<>();
        Map<Tags, Double> memberValues = new HashMap<>();
        for (GroupLag group : groups) {
            memberValues.put(Tags.of("group", group.group()), (double) group.members());
            for (PartitionLag partition : group.partitions()) {
                Tags tags = Tags.of("group", partition.group(), "topic", partition.topic(),
                        "partition", Integer.toString(partition.partition()));
                recordValues.put(tags, (double) partition.records());
                timeValues.put(tags, partition.time(now).toMillis() / 1000.0);
            }
        }
        records.set(recordValues);
        timeLag.set(timeValues);
        members.set(memberValues);
    }

    /**
     * One gauge per tag set, registered once and then only updated, so a scrape during a reading never misses a
     * series (re-registering a gauge would leave a gap between its removal and its return). A series whose group
     * or partition is gone is removed, so none is left behind stale.
     */
    private static final class GaugeSet {

        private final MeterRegistry meters;
        private final String name;
        private final String unit;
        private final String description;
        private final Map<Tags, Holder> gauges = new ConcurrentHashMap<>();

        GaugeSet(MeterRegistry meters, String name, String unit, String description) {
            this.meters = meters;
            this.name = name;
            this.unit = unit;
            this.description = description;
        }

        synchronized void set(Map<Tags, Double> values) {
            values.forEach((tags, value) -> gauges.computeIfAbsent(tags, this::register).value = value);
            gauges.entrySet().removeIf(entry -> {
                if (values.containsKey(entry.getKey())) {
                    return false;
                }
                meters.remove(entry.getValue().gauge);
                return true;
            });
        }

        private Holder register(Tags tags) {
            Holder holder = new Holder();
            holder.gauge = Gauge.builder(name, holder, h -> h.value).baseUnit(unit).description(description)
                    .tags(tags).strongReference(true).register(meters);
            return holder;
        }

        private static final class Holder {
            private volatile double value;
            private Gauge gauge;
        }
    }
}
