package io.banksuite.fraud.activity;

import io.banksuite.fraud.config.ActivityProperties;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Keeps client_activity bounded: the rules only look back a short window. */
@Component
public class ClientActivityPurge {

    private static final Logger log = LoggerFactory.getLogger(ClientActivityPurge.class);

    private final ClientActivityRepository activity;
    private final ActivityProperties properties;
    private final Clock clock;

    public ClientActivityPurge(ClientActivityRepository activity, ActivityProperties properties, Clock clock) {
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
