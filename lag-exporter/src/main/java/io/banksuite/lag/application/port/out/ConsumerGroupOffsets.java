package io.banksuite.lag.application.port.out;

import java.util.Collection;
import java.util.List;

import io.banksuite.lag.domain.GroupLag;

/** Reads, from the broker, how far each consumer group that commits on the given topics has got. */
public interface ConsumerGroupOffsets {

    List<GroupLag> lagOn(Collection<String> topics);
}
