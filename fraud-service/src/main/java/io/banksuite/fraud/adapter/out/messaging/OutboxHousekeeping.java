package io.banksuite.fraud.adapter.out.messaging;

import io.banksuite.outbox.OutboxStore;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes sent outbox rows past their retention, in small batches so no statement holds locks for long. */
@Component
public class OutboxHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(OutboxHousekeeping.class);
    private static final int BATCH = 1_000;

    private final OutboxStore outbox;
    private final NotificationOutboxProperties.Outbox settings;
    private final Clock clock;

    public OutboxHousekeeping(OutboxStore outbox, NotificationOutboxProperties properties, Clock clock) {
        this.outbox = outbox;
        this.settings = properties.outbox();
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${notification.outbox.purge-interval}",
            initialDelayString = "${notification.outbox.purge-interval}")
    public void purgeSent() {
        Instant cutoff = clock.instant().minus(settings.sentRetention());
        int total = 0;
        int deleted;
        do {
            deleted = outbox.deleteSentBefore(cutoff, BATCH);
            total += deleted;
        } while (deleted == BATCH);
        if (total > 0) {
            log.info("Deleted {} notification jobs sent before {}", total, cutoff);
        }
    }
}
