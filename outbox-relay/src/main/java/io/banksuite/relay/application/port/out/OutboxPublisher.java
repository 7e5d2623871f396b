package io.banksuite.relay.application.port.out;

import java.time.Duration;
import java.util.List;

import io.banksuite.outbox.OutboxRecord;

/** Publishes a batch of outbox rows, in id order, and says which prefix the broker acknowledged. */
public interface OutboxPublisher {

    /** @param ackTimeout how long to wait for the acknowledgements of the whole batch */
    PublishOutcome publish(List<OutboxRecord> rows, Duration ackTimeout);
}
