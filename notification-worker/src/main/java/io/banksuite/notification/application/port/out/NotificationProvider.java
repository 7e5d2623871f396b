package io.banksuite.notification.application.port.out;

import io.banksuite.notification.domain.DeliveryAttempt;
import io.banksuite.notification.domain.DeliveryOutcome;
import io.banksuite.schemas.notification.NotificationJob;

/**
 * Hands a notification to whatever delivers it (webhook, log). Implementations classify failures as transient or
 * permanent instead of throwing; an exception is treated as a transient failure.
 */
public interface NotificationProvider {

    /** Short name stored with each sent record, e.g. {@code webhook}. */
    String name();

    DeliveryOutcome send(NotificationJob job, DeliveryAttempt attempt);
}
