package io.banksuite.notification.adapter.in.amqp;

import io.banksuite.notification.domain.DeliveryAttempt;
import io.banksuite.notification.domain.FailureClass;
import io.banksuite.runtime.rabbit.JsonMessageReader.UnreadableMessageException;
import org.springframework.amqp.core.Message;

/**
 * What one work queue does with a job; {@link JobQueueListener} does the rest (acks, retry tiers, the DLQ, metrics,
 * the MDC). A handler must be idempotent by the job's id: a job can arrive twice (a redelivery after a crash, a
 * replay), and the second time it reports {@link Result.AlreadyDone}.
 */
public interface JobHandler {

    /**
     * Does the job once.
     *
     * @return what happened; a failure the queue's retry tiers can fix is {@link FailureClass#TRANSIENT}
     * @throws UnreadableMessageException when the body is not a job: the message goes to the DLQ at once
     * @throws RuntimeException       anything else (our database down): the message is requeued after a pause
     */
    Result handle(Message message, DeliveryAttempt attempt);

    /**
     * Called when a job that failed is about to be parked in the DLQ (retries exhausted, or a permanent failure),
     * before it is: a handler whose failure is itself an outcome records it here. If this throws, the message is
     * requeued and comes back, so it must be idempotent too. Nothing by default.
     */
    default void givingUp(Message message, DeliveryAttempt attempt, FailureClass failureClass, String reason) {
    }

    /** What a handler did with a job. */
    sealed interface Result {

        /** @param jobId the job's id, for the MDC and log lines */
        String jobId();

        /** The job was done now. */
        record Done(String jobId) implements Result {
        }

        /** The job had been done before: nothing was done this time. */
        record AlreadyDone(String jobId) implements Result {
        }

        record Failed(String jobId, FailureClass failureClass, String reason) implements Result {
        }
    }
}
