package io.banksuite.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes sent outbox rows past their retention, in small batches so that no statement holds locks for long. Unsent
 * rows are never deleted, however old. The owning service runs {@link #purgeSent()} on a schedule.
 */
public class OutboxPurge {

    private static final Logger log = LoggerFactory.getLogger(OutboxPurge.class);
    private static final int BATCH = 1_000;

    private final OutboxStore outbox;
    private final Duration retention;
    private final Clock clock;

    public OutboxPurge(OutboxStore outbox, Duration retention, Clock clock) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.retention = Objects.requireNonNull(retention, "retention");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @return how many rows were deleted */
    public int purgeSent() {
        Instant cutoff = clock.instant().minus(retention);
        int total = 0;
        int deleted;
        do {
            deleted = outbox.deleteSentBefore(cutoff, BATCH);
            total += deleted;
        } while (deleted == BATCH);
        if (total > 0) {
            log.info("Deleted {} outbox rows sent before {}", total, cutoff);
        }
        return total;
    }
}
