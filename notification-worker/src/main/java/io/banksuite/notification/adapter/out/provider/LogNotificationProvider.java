package io.banksuite.notification.adapter.out.provider;

import io.banksuite.notification.application.port.out.NotificationProvider;
import io.banksuite.notification.domain.DeliveryAttempt;
import io.banksuite.notification.domain.DeliveryOutcome;
import io.banksuite.schemas.notification.NotificationJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The local demo's provider: writes the notification to the log and always succeeds. */
public class LogNotificationProvider implements NotificationProvider {

    private static final Logger log = LoggerFactory.getLogger(LogNotificationProvider.class);

    @Override
    public String name() {
        return "log";
    }

    @Override
    public DeliveryOutcome send(NotificationJob job, DeliveryAttempt attempt) {
        log.info("NOTIFY kind={} clientId={} transactionId={} reasons={} jobId={} traceId={} attempt={}", job.kind(),
                job.clientId(), job.transactionId(), job.reasons(), job.jobId(), attempt.traceId(), attempt.number());
        return DeliveryOutcome.sent();
    }
}
