package io.banksuite.notification.adapter.in.amqp;

import io.banksuite.notification.application.AuditLog;
import io.banksuite.notification.domain.DeliveryAttempt;
import io.banksuite.notification.domain.FailureClass;
import io.banksuite.schemas.MdcKeys;
import io.banksuite.schemas.notification.NotificationJob;
import org.slf4j.MDC;
import org.springframework.amqp.core.Message;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * The audit queue's work: append the alert to the audit log, once. The log is the destination here, so a failure
 * to write it is the job's failure: an alert the log refuses as invalid (a constraint) goes to the audit DLQ at
 * once; any other database failure walks the audit queue's retry tiers, then parks there, never lost.
 */
@Component
public class AuditJobHandler implements JobHandler {

    private final JobCodec codec;
    private final AuditLog auditLog;

    public AuditJobHandler(JobCodec codec, AuditLog auditLog) {
        this.codec = codec;
        this.auditLog = auditLog;
    }

    @Override
    public Result handle(Message message, DeliveryAttempt attempt) {
        NotificationJob alert = codec.read(message.getBody());
        String alertId = alert.jobId().toString();
        MDC.put(MdcKeys.EVENT_ID, alertId);
        try {
            return auditLog.record(alert, attempt) ? new Result.Done(alertId) : new Result.AlreadyDone(alertId);
        } catch (DataIntegrityViolationException e) {
            return new Result.Failed(alertId, FailureClass.PERMANENT, "the audit log refused it: "
                    + e.getMostSpecificCause().getMessage());
        } catch (DataAccessException e) {
            return new Result.Failed(alertId, FailureClass.TRANSIENT, "the audit log could not take it: "
                    + e.getMostSpecificCause().getMessage());
        }
    }
}
