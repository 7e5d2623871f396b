package io.banksuite.notification.application.port.out;

import java.util.List;
import java.util.UUID;

import io.banksuite.notification.domain.AuditedAlert;

/** The append-only audit log of fraud alerts: entries are added, never changed or removed. */
public interface AuditLogStore {

    /** Appends the entry; {@code false} if the alert is in the log already (a redelivery), which changes nothing. */
    boolean append(AuditedAlert alert);

    /** Every entry about the transaction, oldest first. */
    List<AuditedAlert> forTransaction(UUID transactionId);

    /** The client's newest entries, newest first, at most {@code limit}. */
    List<AuditedAlert> forClient(String clientId, int limit);
}
