package io.banksuite.notification.adapter.in.amqp;

import java.time.Duration;

import com.rabbitmq.client.Channel;
import io.banksuite.notification.adapter.in.amqp.WorkerQueueProperties.QueueSettings;
import io.banksuite.notification.domain.DeliveryAttempt;
import io.banksuite.notification.domain.FailureClass;
import io.banksuite.notification.domain.RetryDecision;
import io.banksuite.notification.domain.RetryPolicy;
import io.banksuite.runtime.rabbit.JsonMessageReader.UnreadableMessageException;
import io.banksuite.runtime.rabbit.ManualAcks;
import io.banksuite.runtime.rabbit.QueueHeaders;
import io.banksuite.schemas.MdcKeys;
import io.banksuite.schemas.tracing.TraceContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareMessageListener;

/**
 * Consumes one work queue with manual acks; its {@link JobHandler} does the work. Every delivery ends in exactly one
 * of: ack (done, already done, or moved to one of the queue's retry tiers or its DLQ with a confirmed publish) or
 * nack with requeue (anything went wrong on our side, including an unconfirmed republish). A job is therefore never
 * dropped. Log lines carry the queue, the job id and the trace id.
 */
public class JobQueueListener implements ChannelAwareMessageListener {

    private static final Logger log = LoggerFactory.getLogger(JobQueueListener.class);

    private final QueueSettings queue;
    private final JobHandler handler;
    private final RetryPolicy retryPolicy;
    private final FailedJobRouter router;
    private final JobMetrics metrics;
    private final Duration requeueDelay;

    public JobQueueListener(QueueSettings queue, JobHandler handler, FailedJobRouter router, JobMetrics metrics,
                            Duration requeueDelay) {
        this.queue = queue;
        this.handler = handler;
        this.retryPolicy = new RetryPolicy(queue.tierNames());
        this.router = router;
        this.metrics = metrics;
        this.requeueDelay = requeueDelay;
    }

    public QueueSettings queue() {
        return queue;
    }

    @Override
    public void onMessage(Message message, Channel channel) throws Exception {
        MessageProperties properties = message.getMessageProperties();
        long deliveryTag = properties.getDeliveryTag();
        String traceparent = QueueHeaders.traceparent(properties);
        String traceId = TraceContext.traceIdOrNull(traceparent);
        // Until the body is parsed, the messageId (= jobId by contract) is the best reference we have.
        putMdc(traceId, properties.getMessageId());
        try {
            handle(message, traceparent, traceId);
            channel.basicAck(deliveryTag, false);
        } catch (Exception e) {
            log.error("{}: processing failed for jobId={} traceId={}; requeueing it in {} so it is delivered again",
                    queue.name(), MDC.get(MdcKeys.EVENT_ID), traceId, requeueDelay, e);
            ManualAcks.requeueAfter(requeueDelay, channel, deliveryTag);
        } finally {
            MDC.remove(MdcKeys.TRACE_ID);
            MDC.remove(MdcKeys.EVENT_ID);
        }
    }

    private void handle(Message message, String traceparent, String traceId) {
        MessageProperties properties = message.getMessageProperties();
        int retriesSoFar = QueueHeaders.retryCount(properties);
        int attemptNumber = retriesSoFar + 1;
        var attempt = new DeliveryAttempt(attemptNumber, traceparent, traceId,
                QueueHeaders.retriedVia(properties, queue.retryQueues()));

        JobHandler.Result result;
        try {
            result = handler.handle(message, attempt);
        } catch (UnreadableMessageException e) {
            router.deadLetter(queue, message, FailureClass.POISON, e.getMessage(), attemptNumber);
            metrics.deadLettered(FailureClass.POISON);
            log.error("{}: poison message messageId={} traceId={} moved to {}: {}", queue.name(),
                    properties.getMessageId(), traceId, queue.deadLetter(), e.getMessage(), e);
            return;
        }
        String jobId = result.jobId();
        MDC.put(MdcKeys.EVENT_ID, jobId);
        if (result instanceof JobHandler.Result.AlreadyDone) {
            metrics.duplicateSkipped();
            log.info("{}: jobId={} traceId={} done before; skipping this delivery", queue.name(), jobId, traceId);
        } else if (result instanceof JobHandler.Result.Done) {
            metrics.done();
            log.info("{}: jobId={} traceId={} done on attempt {}", queue.name(), jobId, traceId, attemptNumber);
        } else if (result instanceof JobHandler.Result.Failed failed) {
            onFailure(message, attempt, jobId, traceId, failed);
        }
    }

    private void onFailure(Message message, DeliveryAttempt attempt, String jobId, String traceId,
                           JobHandler.Result.Failed failed) {
        int attemptNumber = attempt.number();
        int retriesSoFar = attemptNumber - 1;
        RetryDecision decision = retryPolicy.decide(failed.failureClass(), retriesSoFar);
        if (decision instanceof RetryDecision.RetryLater retry) {
            router.retry(queue, message, retry.tierIndex(), retry.nextRetryCount());
            metrics.retried(retry.tierName());
            log.warn("{}: jobId={} traceId={} attempt {} failed ({}): retrying after tier {}", queue.name(), jobId,
                    traceId, attemptNumber, failed.reason(), retry.tierName());
        } else if (decision instanceof RetryDecision.DeadLetter deadLetter) {
            String reason = failed.reason() + "; " + deadLetter.reason();
            handler.givingUp(message, attempt, failed.failureClass(), reason);
            router.deadLetter(queue, message, failed.failureClass(), reason, attemptNumber);
            metrics.deadLettered(failed.failureClass());
            log.error("{}: jobId={} traceId={} moved to {} after attempt {}: {}", queue.name(), jobId, traceId,
                    queue.deadLetter(), attemptNumber, reason);
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
