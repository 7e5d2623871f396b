package io.banksuite.notification.application;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import io.banksuite.notification.application.port.out.AuditLogStore;
import io.banksuite.notification.domain.AuditedAlert;
import io.banksuite.notification.domain.DeliveryAttempt;
import io.banksuite.schemas.notification.NotificationJob;
import org.springframework.stereotype.Service;

/** Keeps every fraud alert in the audit log once, with the trace it travelled with. */
@Service
public class AuditLog {

    private final AuditLogStore store;
    private final Clock clock;

    public AuditLog(AuditLogStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** @return {@code true} if the alert was appended now, {@code false} if it was in the log already */
    public boolean record(NotificationJob alert, DeliveryAttempt attempt) {
        return store.append(new AuditedAlert(alert.jobId(), alert.kind(), alert.transactionId(), alert.clientId(),
                alert.eventId(), alert.reasons(), alert.createdAt(), attempt.traceId(), clock.instant(),
                attempt.number()));
    }

    public List<AuditedAlert> forTransaction(UUID transactionId) {
        return store.forTransaction(transactionId);
    }

    public List<AuditedAlert> forClient(String clientId, int limit) {
        return store.forClient(clientId, limit);
    }
}
