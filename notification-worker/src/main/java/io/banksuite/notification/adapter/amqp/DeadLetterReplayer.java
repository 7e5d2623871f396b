package io.banksuite.notification.adapter.amqp;

import com.rabbitmq.client.GetResponse;
import io.banksuite.notification.domain.TraceParent;
import io.banksuite.notification.metrics.NotificationMetrics;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.support.DefaultMessagePropertiesConverter;
import org.springframework.amqp.rabbit.support.MessagePropertiesConverter;

/**
 * Operator tool: moves messages from the dead-letter queue back to the work exchange with the retry count reset,
 * so each gets a fresh set of attempts (typically after the provider or its configuration was fixed).
 *
 * <p>Each message is fetched with a manual-ack basic.get, republished with a confirmed publish, and only then acked
 * on the DLQ; if the publish fails it is nacked back into the DLQ and the replay stops. A crash in between leaves
 * the message in both queues, which the worker's sent-record makes harmless.
 */
public class DeadLetterReplayer {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterReplayer.class);

    private final RabbitTemplate rabbitTemplate;
    private final ConfirmedPublisher publisher;
    private final String deadLetterQueue;
    private final String workRoutingKey;
    private final NotificationMetrics metrics;
    private final MessagePropertiesConverter propertiesConverter = new DefaultMessagePropertiesConverter();

    public DeadLetterReplayer(RabbitTemplate rabbitTemplate, ConfirmedPublisher publisher, String deadLetterQueue,
            String workRoutingKey, NotificationMetrics metrics) {
        this.rabbitTemplate = rabbitTemplate;
        this.publisher = publisher;
        this.deadLetterQueue = deadLetterQueue;
        this.workRoutingKey = workRoutingKey;
        this.metrics = metrics;
    }

    /**
     * Replays at most {@code max} messages, never more than the DLQ held when the call started (a replayed job
     * that fails again at once must not be picked up twice by the same call).
     *
     * @return the number of messages moved
     */
    public int replay(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be >= 1, was " + max);
        }
        Integer replayed = rabbitTemplate.execute(channel -> {
            long limit = Math.min(max, channel.messageCount(deadLetterQueue));
            int moved = 0;
            while (moved < limit) {
                GetResponse response = channel.basicGet(deadLetterQueue, false);
                if (response == null) {
                    break;
                }
                long deliveryTag = response.getEnvelope().getDeliveryTag();
                Message dead = new Message(response.getBody(), propertiesConverter.toMessageProperties(
                        response.getProps(), response.getEnvelope(), StandardCharsets.UTF_8.name()));
                String messageId = dead.getMessageProperties().getMessageId();
                String traceId = TraceParent.traceId(
                        NotificationHeaders.stringHeader(dead.getMessageProperties(), NotificationHeaders.TRACEPARENT));
                try {
                    publisher.publish(workRoutingKey, replayable(dead));
                } catch (RuntimeException e) {
                    channel.basicNack(deliveryTag, false, true);
                    log.error("DLQ replay stopped: could not republish jobId={} traceId={}; it stays in the DLQ",
                            messageId, traceId, e);
                    throw new ReplayFailedException(moved, e);
                }
                channel.basicAck(deliveryTag, false);
                moved++;
                metrics.replayed(1);
                log.info("Replayed jobId={} traceId={} from the DLQ (it had failed as {}: {})", messageId, traceId,
                        NotificationHeaders.stringHeader(dead.getMessageProperties(),
                                NotificationHeaders.FAILURE_CLASS),
                        NotificationHeaders.stringHeader(dead.getMessageProperties(),
                                NotificationHeaders.FAILURE_REASON));
            }
            return moved;
        });
        return replayed == null ? 0 : replayed;
    }

    /** Same body and id; failure-cycle headers removed so the retry count starts at 0; replay count bumped. */
    static Message replayable(Message dead) {
        int replays = NotificationHeaders.replayCount(dead.getMessageProperties()) + 1;
        Message copy = FailedJobRouter.copyOf(dead, Map.of(NotificationHeaders.REPLAY_COUNT, replays));
        NotificationHeaders.FAILURE_CYCLE_HEADERS.forEach(copy.getMessageProperties().getHeaders()::remove);
        return copy;
    }

    /** A replay stopped part-way; {@link #replayed()} messages were moved before it stopped. */
    public static class ReplayFailedException extends AmqpException {
        private final int replayed;

        ReplayFailedException(int replayed, Throwable cause) {
            super("DLQ replay stopped after " + replayed + " message(s): " + cause.getMessage(), cause);
            this.replayed = replayed;
        }

        public int replayed() {
            return replayed;
        }
    }
}
