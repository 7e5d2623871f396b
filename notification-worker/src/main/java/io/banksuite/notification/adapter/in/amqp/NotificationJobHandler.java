package io.banksuite.notification.adapter.in.amqp;

import io.banksuite.notification.application.DeliverNotificationService;
import io.banksuite.notification.application.DeliveryResult;
import io.banksuite.notification.domain.DeliveryAttempt;
import io.banksuite.schemas.MdcKeys;
import io.banksuite.schemas.notification.NotificationJob;
import org.slf4j.MDC;
import org.springframework.amqp.core.Message;
import org.springframework.stereotype.Component;

/** The notification queue's work: deliver the job through the provider, once. */
@Component
public class NotificationJobHandler implements JobHandler {

    private final JobCodec codec;
    private final DeliverNotificationService deliverService;

    public NotificationJobHandler(JobCodec codec, DeliverNotificationService deliverService) {
        this.codec = codec;
        this.deliverService = deliverService;
    }

    @Override
    public Result handle(Message message, DeliveryAttempt attempt) {
        NotificationJob job = codec.read(message.getBody());
        String jobId = job.jobId().toString();
        MDC.put(MdcKeys.EVENT_ID, jobId);
        DeliveryResult result = deliverService.deliver(job, attempt);
        if (result instanceof DeliveryResult.Failed failed) {
            return new Result.Failed(jobId, failed.failureClass(), failed.reason());
        }
        return result instanceof DeliveryResult.AlreadySent ? new Result.AlreadyDone(jobId) : new Result.Done(jobId);
    }
}
