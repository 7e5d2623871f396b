package io.banksuite.notification.application;

import io.banksuite.notification.domain.FailureClass;
import io.banksuite.notification.domain.SentNotification;

/** What {@link DeliverNotificationService} did with one job. */
public sealed interface DeliveryResult {

    /** The job had been sent before (a redelivery or a duplicate publish): nothing was sent this time. */
    record AlreadySent() implements DeliveryResult {
    }

    record Sent(SentNotification record) implements DeliveryResult {
    }

    record Failed(FailureClass failureClass, String reason) implements DeliveryResult {
    }
}
