package io.banksuite.lag.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.banksuite.lag.application.port.out.ConsumerGroupOffsets;
import io.banksuite.lag.domain.GroupLag;
import io.banksuite.lag.domain.PartitionLag;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
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
    private final MultiGauge records;
    private final MultiGauge timeLag;
    private final MultiGauge members;
    private final Counter failures;
    private volatile List<GroupLag> last = List.of();

    public LagMonitor(ConsumerGroupOffsets offsets, LagProperties properties, Clock clock, MeterRegistry meters) {
        this.offsets = offsets;
        this.properties = properties;
        this.clock = clock;
        this.records = MultiGauge.builder("consumer.group.lag").baseUnit("records")
                .description("Records of the topic partition not yet applied by the consumer group")
                .register(meters);
        this.timeLag = MultiGauge.builder("consumer.group.time.lag").baseUnit("seconds")
                .description("Age of the oldest record the consumer group has not applied yet; 0 when caught up")
                .register(meters);
        this.members = MultiGauge.builder("consumer.group.members")
                .description("Consumers now in the group; 0 when all of them are down")
                .register(meters);
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
        List<MultiGauge.Row<?>> recordRows = new ArrayList<>();
        List<MultiGauge.Row<?>> timeRows = new ArrayList<>();
        List<MultiGauge.Row<?>> memberRows = new ArrayList<>();
        for (GroupLag group : groups) {
            memberRows.add(MultiGauge.Row.of(Tags.of("group", group.group()), group.members()));
            for (PartitionLag partition : group.partitions()) {
                Tags tags = Tags.of("group", partition.group(), "topic", partition.topic(),
                        "partition", Integer.toString(partition.partition()));
                recordRows.add(MultiGauge.Row.of(tags, partition.records()));
                timeRows.add(MultiGauge.Row.of(tags, partition.time(now).toMillis() / 1000.0));
            }
        }
        // overwrite: a group or partition that is gone leaves no stale series behind.
        records.register(recordRows, true);
        timeLag.register(timeRows, true);
        members.register(memberRows, true);
    }
}
