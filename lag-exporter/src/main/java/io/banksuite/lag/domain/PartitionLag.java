package io.banksuite.lag.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How far one consumer group is behind on one partition.
 *
 * @param committed            the group's committed offset: the next record it will apply (the log-start offset on
 *                             a partition of a consumed topic where the group has committed nothing yet)
 * @param end                  the partition's log-end offset
 * @param oldestUnappliedAt    the timestamp of the record at {@code committed}, the oldest the group has not applied;
 *                             null when nothing waits (or it could not be read)
 */
public record PartitionLag(String group, String topic, int partition, long committed, long end,
                           Instant oldestUnappliedAt) {

    public PartitionLag {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(topic, "topic");
    }

    /** Records written and not applied yet; never negative (a commit can be read before the end offset moves). */
    public long records() {
        return Math.max(0, end - committed);
    }

    /**
     * The time lag: how long the oldest record the group has not applied has been waiting. Zero when the group has
     * caught up. It grows while a stopped group stays stopped, whatever the producers do, which an offset lag
     * alone does not say (ten records may be ten milliseconds or ten hours).
     */
    public Duration time(Instant now) {
        if (records() == 0 || oldestUnappliedAt == null || !now.isAfter(oldestUnappliedAt)) {
            return Duration.ZERO;
        }
        return Duration.between(oldestUnappliedAt, now);
    }
}
