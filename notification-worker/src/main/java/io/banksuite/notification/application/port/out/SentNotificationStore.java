package io.banksuite.notification.application.port.out;

import io.banksuite.notification.domain.SentNotification;
import java.util.Optional;
import java.util.UUID;

/** The worker's memory of what it has sent, keyed by job id. */
public interface SentNotificationStore {

    boolean isSent(UUID jobId);

    /** Records a sent job; returns false if it was already recorded (a concurrent duplicate delivery). */
    boolean recordSent(SentNotification sent);

    Optional<SentNotification> find(UUID jobId);
}
