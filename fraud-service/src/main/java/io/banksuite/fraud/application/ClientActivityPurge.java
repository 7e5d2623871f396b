package io.banksuite.fraud.application;

import io.banksuite.fraud.application.port.out.ClientActivityStore;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Keeps client_activity bounded: the rules only look back a short window. */
@Component
public class ClientActivityPurge {

    private static final Logger log = LoggerFactory.getLogger(ClientActivityPurge.class);

    private final ClientActivityStore activity;
    private final ActivityProperties properties;
    private final Clock clock;

    public ClientActivityPurge(ClientActivityStore activity, ActivityProperties properties, Clock clock) {
        this.activity = activity;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${fraud.activity.purge-interval}", initialDelayString = "${fraud.activity.purge-interval}")
    public void purge() {
        int deleted = activity.purgeRecordedBefore(clock.instant().minus(properties.retention()));
        if (deleted > 0) {
            log.info("Purged {} client_activity rows older than {}", deleted, properties.retention());
        }
    }
}
