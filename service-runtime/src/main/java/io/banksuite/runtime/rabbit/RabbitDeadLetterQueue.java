package io.banksuite.runtime.rabbit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import io.banksuite.runtime.deadletter.DeadLetterListing;
import io.banksuite.runtime.deadletter.DeadLetters;
import io.banksuite.runtime.deadletter.DeadLettersUnavailableException;
import io.banksuite.runtime.deadletter.ReplayFailedException;
import io.banksuite.runtime.deadletter.ReplayInProgressException;
import io.banksuite.runtime.deadletter.ReplayLimits;
import io.banksuite.runtime.deadletter.ReplayResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.support.DefaultMessagePropertiesConverter;
import org.springframework.amqp.rabbit.support.MessagePropertiesConverter;

/**
 * One work queue's dead-letter queue as an operator sees it ({@link DeadLetters}, served at
 * {@code /api/v1/admin/dead-letters?source=<queue>}): what is parked and why, and a replay to that work queue alone
 * (an exchange and routing key only it is bound to, never a fanout that feeds others too) with the failure headers
 * removed, so that each message gets a fresh set of attempts once the cause was fixed.
 *
 * <p>Listing takes the oldest messages unacked ({@code basic.get}) and gives them back with a requeue, which puts
 * them back where they were; they are only marked redelivered. A replay takes each message unacked, republishes it
 * with a confirmed publish, and acks it on the DLQ only then; if the publish fails the message is nacked back into
 * the DLQ and the replay stops. A crash in between leaves the message in both queues, which its consumer's own
 * record of it (a job sent, an alert audited, an outcome applied) makes harmless.
 */
public class RabbitDeadLetterQueue implements DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(RabbitDeadLetterQueue.class);

    private final RabbitTemplate rabbitTemplate;
    private final ConfirmedPublisher publisher;
    private final String deadLetterQueue;
    private final String workExchange;
    private final String workRoutingKey;
    private final ReplayLimits limits;
    private final Runnable onReplayed;
    private final MessagePropertiesConverter propertiesConverter = new DefaultMessagePropertiesConverter();
    /** Not a reentrant lock: a call is refused even on the thread of the running one. */
    private final AtomicBoolean replaying = new AtomicBoolean();

    /**
     * @param deadLetterQueue the queue parked messages wait in
     * @param workExchange    where a replay sends them (the empty string: the default exchange)
     * @param workRoutingKey  with this routing key (on the default exchange: the work queue's name)
     * @param onReplayed      called once per message replayed (a metric)
     */
    public RabbitDeadLetterQueue(RabbitTemplate rabbitTemplate, ConfirmedPublisher publisher, String deadLetterQueue,
                                 String workExchange, String workRoutingKey, ReplayLimits limits,
                                 Runnable onReplayed) {
        this.rabbitTemplate = rabbitTemplate;
        this.publisher = publisher;
        this.deadLetterQueue = deadLetterQueue;
        this.workExchange = workExchange;
        this.workRoutingKey = workRoutingKey;
        this.limits = limits;
        this.onReplayed = onReplayed;
    }

    @Override
    public String location() {
        return deadLetterQueue;
    }

    @Override
    public ReplayLimits limits() {
        return limits;
    }

    /** The oldest {@code limit} parked messages, oldest first; each goes back to its place in the queue. */
    @Override
    public ParkedMessages list(int limit) {
        requireInRange(limit);
        try {
            return rabbitTemplate.execute(channel -> {
                long remaining = channel.messageCount(deadLetterQueue);
                List<ParkedMessage> parked = new ArrayList<>();
                long lastTag = -1;
                try {
                    while (parked.size() < Math.min(limit, remaining)) {
                        GetResponse response = channel.basicGet(deadLetterQueue, false);
                        if (response == null) {
                            break;
                        }
                        lastTag = response.getEnvelope().getDeliveryTag();
                        parked.add(ParkedMessage.of(toMessage(response)));
                    }
                } finally {
                    if (lastTag >= 0) {
                        channel.basicNack(lastTag, true, true);
                    }
                }
                return new ParkedMessages(deadLetterQueue, remaining, parked);
            });
        } catch (AmqpException e) {
            throw new DeadLettersUnavailableException(deadLetterQueue, e);
        }
    }

    /**
     * Replays at most {@code max} messages, never more than the DLQ held when the call started (a replayed message
     * that fails again at once must not be picked up twice by the same call).
     */
    @Override
    public ReplayResult replay(int max) {
        requireInRange(max);
        if (!replaying.compareAndSet(false, true)) {
            throw new ReplayInProgressException(deadLetterQueue);
        }
        Outcome outcome;
        try {
            outcome = rabbitTemplate.execute(channel -> replay(channel, max));
        } catch (AmqpException e) {
            throw new DeadLettersUnavailableException(deadLetterQueue, e);
        } finally {
            replaying.set(false);
        }
        if (outcome.failure() != null) {
            throw new ReplayFailedException(deadLetterQueue, outcome.result().replayed(), outcome.failure());
        }
        return outcome.result();
    }

    /** The template would wrap an exception thrown in its callback, so a failed republish is returned instead. */
    private record Outcome(ReplayResult result, RuntimeException failure) {
    }

    private Outcome replay(Channel channel, int max) throws java.io.IOException {
        long limit = Math.min(max, channel.messageCount(deadLetterQueue));
        int moved = 0;
        while (moved < limit) {
            GetResponse response = channel.basicGet(deadLetterQueue, false);
            if (response == null) {
                break;
            }
            long deliveryTag = response.getEnvelope().getDeliveryTag();
            Message dead = toMessage(response);
            String messageId = dead.getMessageProperties().getMessageId();
            String traceId = QueueHeaders.traceId(dead.getMessageProperties());
            try {
                publisher.publish(workExchange, workRoutingKey, replayable(dead));
            } catch (RuntimeException e) {
                channel.basicNack(deliveryTag, false, true);
                log.error("Replay of {} stopped: could not republish messageId={} traceId={}; it stays there",
                        deadLetterQueue, messageId, traceId, e);
                return new Outcome(new ReplayResult(moved, channel.messageCount(deadLetterQueue)), e);
            }
            channel.basicAck(deliveryTag, false);
            moved++;
            onReplayed.run();
            log.info("Replayed messageId={} traceId={} from {} (it had failed as {}: {})", messageId, traceId, deadLetterQueue,
                    QueueHeaders.stringHeader(dead.getMessageProperties(), QueueHeaders.FAILURE_CLASS),
                    QueueHeaders.stringHeader(dead.getMessageProperties(), QueueHeaders.FAILURE_REASON));
        }
        return new Outcome(new ReplayResult(moved, channel.messageCount(deadLetterQueue)), null);
    }

    /** Same body and id; failure-cycle headers removed so the retry count starts at 0; replay count bumped. */
    public static Message replayable(Message dead) {
        int replays = QueueHeaders.replayCount(dead.getMessageProperties()) + 1;
        Message copy = QueueHeaders.copyOf(dead, Map.of(QueueHeaders.REPLAY_COUNT, replays));
        QueueHeaders.FAILURE_CYCLE_HEADERS.forEach(copy.getMessageProperties().getHeaders()::remove);
        return copy;
    }

    private Message toMessage(GetResponse response) {
        return new Message(response.getBody(), propertiesConverter.toMessageProperties(response.getProps(),
                response.getEnvelope(), StandardCharsets.UTF_8.name()));
    }

    private void requireInRange(int count) {
        if (count < 1 || count > limits.maxPerCall()) {
            throw new IllegalArgumentException("must be between 1 and " + limits.maxPerCall() + ": " + count);
        }
    }

    /**
     * What {@link #list} found.
     *
     * @param remaining every message in the DLQ when the call started; {@code records} holds the oldest of them
     */
    public record ParkedMessages(String deadLetterQueue, long remaining, List<ParkedMessage> records)
            implements DeadLetterListing {
    }
}
