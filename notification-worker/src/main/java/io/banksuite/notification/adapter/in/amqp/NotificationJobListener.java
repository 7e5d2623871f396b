package io.banksuite.notification.adapter.in.amqp;

import com.rabbitmq.client.Channel;
import io.banksuite.notification.adapter.in.amqp.NotificationJobCodec.UnreadableJobException;
import io.banksuite.notification.application.DeliverNotificationService;
import io.banksuite.notification.application.DeliveryResult;
import io.banksuite.notification.domain.DeliveryAttempt;
import io.banksuite.notification.domain.FailureClass;
import io.banksuite.schemas.MdcKeys;
import io.banksuite.schemas.MessageHeaders;
import io.banksuite.schemas.notification.NotificationJob;
import io.banksuite.schemas.tracing.TraceContext;
import io.banksuite.notification.domain.RetryDecision;
import io.banksuite.notification.domain.RetryPolicy;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareMessageListener;
import org.springframework.stereotype.Component;

/**
 * Consumes the work queue with manual acks. Every delivery ends in exactly one of: ack (sent, already sent, or
 * moved to a retry tier / the DLQ with a confirmed publish) or nack with requeue (anything went wrong on our side,
 * including an unconfirmed republish). A job is therefore never dropped.
 */
@Component
public class NotificationJobListener implements ChannelAwareMessageListener {

    private static final Logger log = LoggerFactory.getLogger(NotificationJobListener.class);

    private final NotificationJobCodec codec;
    private final DeliverNotificationService deliverService;
    private final RetryPolicy retryPolicy;
    private final FailedJobRouter router;
    private final NotificationMetrics metrics;
    private final List<String> retryQueues;
    private final Duration requeueDelay;

    public NotificationJobListener(NotificationJobCodec codec, DeliverNotificationService deliverService,
            RetryPolicy retryPolicy, FailedJobRouter router, NotificationMetrics metrics,
            NotificationQueueProperties properties) {
        this.codec = codec;
        this.deliverService = deliverService;
        this.retryPolicy = retryPolicy;
        this.router = router;
        this.metrics = metrics;
        this.retryQueues = properties.retry().queues();
        this.requeueDelay = properties.consumer().requeueDelay();
    }

    @Override
    public void onMessage(Message message, Channel channel) throws Exception {
        MessageProperties properties = message.getMessageProperties();
        long deliveryTag = properties.getDeliveryTag();
        String traceparent = NotificationHeaders.stringHeader(properties, MessageHeaders.TRACEPARENT);
        String traceId = TraceContext.traceIdOrNull(traceparent);
        // Until the body is parsed, the messageId (= jobId by contract) is the best reference we have.
        String jobRef = properties.getMessageId();
        putMdc(traceId, jobRef);
        try {
            handle(message, traceparent, traceId);
            channel.basicAck(deliveryTag, false);
        } catch (Exception e) {
            log.error("Processing failed for jobId={} traceId={}; requeueing it in {} so it is delivered again",
                    MDC.get(MdcKeys.EVENT_ID), traceId, requeueDelay, e);
            pauseBeforeRequeue();
            channel.basicNack(deliveryTag, false, true);
        } finally {
            MDC.remove(MdcKeys.TRACE_ID);
            MDC.remove(MdcKeys.EVENT_ID);
        }
    }

    private void handle(Message message, String traceparent, String traceId) {
        MessageProperties properties = message.getMessageProperties();
        int retriesSoFar = NotificationHeaders.retryCount(properties);
        int attemptNumber = retriesSoFar + 1;

        NotificationJob job;
        try {
            job = codec.read(message.getBody());
        } catch (UnreadableJobException e) {
            router.deadLetter(message, FailureClass.POISON, e.getMessage(), attemptNumber);
            metrics.deadLettered(FailureClass.POISON);
            log.error("Poison message messageId={} traceId={} moved to the DLQ: {}", properties.getMessageId(),
                    traceId, e.getMessage(), e);
            return;
        }
        String jobId = job.jobId().toString();
        MDC.put(MdcKeys.EVENT_ID, jobId);

        var attempt = new DeliveryAttempt(attemptNumber, traceparent, traceId,
                NotificationHeaders.retriedVia(properties, retryQueues));
        DeliveryResult result = deliverService.deliver(job, attempt);

        if (result instanceof DeliveryResult.AlreadySent) {
            metrics.duplicateSkipped();
            log.info("jobId={} traceId={} already sent; skipping this delivery", jobId, traceId);
        } else if (result instanceof DeliveryResult.Sent) {
            metrics.sent();
            log.info("jobId={} traceId={} sent on attempt {}", jobId, traceId, attemptNumber);
        } else if (result instanceof DeliveryResult.Failed failed) {
            onFailure(message, jobId, traceId, retriesSoFar, failed);
        }
    }

    private void onFailure(Message message, String jobId, String traceId, int retriesSoFar,
            DeliveryResult.Failed failed) {
        int attemptNumber = retriesSoFar + 1;
        RetryDecision decision = retryPolicy.decide(failed.failureClass(), retriesSoFar);
        if (decision instanceof RetryDecision.RetryLater retry) {
            router.retry(message, retry.tierIndex(), retry.nextRetryCount());
            metrics.retried(retry.tierName());
            log.warn("jobId={} traceId={} attempt {} failed ({}): retrying after tier {}", jobId, traceId,
                    attemptNumber, failed.reason(), retry.tierName());
        } else if (decision instanceof RetryDecision.DeadLetter deadLetter) {
            String reason = failed.reason() + "; " + deadLetter.reason();
            router.deadLetter(message, failed.failureClass(), reason, attemptNumber);
            metrics.deadLettered(failed.failureClass());
            log.error("jobId={} traceId={} moved to the DLQ after attempt {}: {}", jobId, traceId, attemptNumber,
                    reason);
        }
    }

    /** Back-pressure: this consumer stops taking work for a moment while a dependency is failing. */
    private void pauseBeforeRequeue() {
        try {
            Thread.sleep(requeueDelay.toMillis());
        } catch (InterruptedException e) {
            // Shutting down: requeue at once and let the container see the interrupt.
            Thread.currentThread().interrupt();
        }
    }

    /** The trace id only without a current span: with a tracing agent, the agent writes trace and span ids itself. */
    private static void putMdc(String traceId, String jobRef) {
        if (traceId != null && !TraceContext.hasCurrentSpan()) {
            MDC.put(MdcKeys.TRACE_ID, traceId);
        }
        if (jobRef != null) {
            MDC.put(MdcKeys.EVENT_ID, jobRef);
        }
    }
}
