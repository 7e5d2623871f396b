package io.banksuite.lag.domain;

import java.util.List;

/**
 * One consumer group's lag on the watched topics.
 *
 * @param members the consumers now in the group; 0 when every one of them is down
 */
public record GroupLag(String group, int members, List<PartitionLag> partitions) {

    public GroupLag {
        partitions = List.copyOf(partitions);
    }

    public long records() {
        return partitions.stream().mapToLong(PartitionLag::records).sum();
    }
}
