package io.banksuite.inbox.kafka;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import io.banksuite.schemas.Topics;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.KafkaUtils;

/**
 * Parks a record that cannot be processed in {@code <topic>.<group>.dlt}: the original key and value bytes, the
 * original headers, and Spring's {@code kafka_dlt-*} headers (exception class, message and stack trace, original
 * topic, partition, offset, timestamp and consumer group). The template must use ByteArraySerializer for key and
 * value. The dead-letter partition is chosen from the key, so a client's parked records stay in order.
 */
public class InboxDeadLetterRecoverer extends DeadLetterPublishingRecoverer {

    public InboxDeadLetterRecoverer(KafkaOperations<byte[], byte[]> template, Supplier<@Nullable String> fallbackGroup) {
        super(template, (record, exception) -> new TopicPartition(
                Topics.deadLetterTopic(record.topic(), consumerGroup(fallbackGroup)), -1));
        // A send that fails must fail the recovery, so that the error handler retries instead of skipping the record.
        setFailIfSendResultIsError(true);
    }

    /**
     * A batch listener names the record that failed with a {@link BatchListenerFailedException}; the record's own
     * failure is that exception's cause. The dead letter carries the record's failure, as a record listener's would,
     * so that its {@code kafka_dlt-exception-*} headers say why that record failed.
     */
    @Override
    public void accept(ConsumerRecord<?, ?> record, @Nullable Consumer<?, ?> consumer, Exception exception) {
        super.accept(record, consumer, withoutBatchWrapper(exception));
    }

    static Exception withoutBatchWrapper(Exception exception) {
        if (exception instanceof ListenerExecutionFailedException failed
                && failed.getCause() instanceof BatchListenerFailedException batch && batch.getCause() != null) {
            return new ListenerExecutionFailedException(failed.getMessage(), failed.getGroupId(), batch.getCause());
        }
        if (exception instanceof BatchListenerFailedException batch && batch.getCause() != null) {
            return new ListenerExecutionFailedException(batch.getMessage(), batch.getCause());
        }
        return exception;
    }

    @Override
    protected ProducerRecord<Object, Object> createProducerRecord(ConsumerRecord<?, ?> record,
            TopicPartition topicPartition, Headers headers, byte @Nullable [] key, byte @Nullable [] value) {
        Header raw = headers.lastHeader(RawValueRetainingDeserializer.RAW_VALUE_HEADER);
        headers.remove(RawValueRetainingDeserializer.RAW_VALUE_HEADER);
        byte[] outValue = value != null ? value : raw != null ? raw.value() : null;
        if (outValue == null && record.value() != null) {
            throw new IllegalStateException("No raw value retained for " + KafkaUtils.format(record)
                    + ": the consumer's value deserializer must be wrapped in RawValueRetainingDeserializer");
        }
        byte[] outKey = key != null ? key : keyBytes(record.key());
        return new ProducerRecord<>(topicPartition.topic(),
                topicPartition.partition() < 0 ? null : topicPartition.partition(), outKey, outValue, headers);
    }

    private static byte @Nullable [] keyBytes(@Nullable Object key) {
        if (key == null || key instanceof byte[]) {
            return (byte[]) key;
        }
        // Keys are Strings (StringSerializer); UTF-8 gives back the bytes that were on the topic.
        return key.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String consumerGroup(Supplier<@Nullable String> fallbackGroup) {
        String group = KafkaUtils.getConsumerGroupId();
        if (group == null) {
            group = fallbackGroup.get();
        }
        if (group == null || group.isBlank()) {
            throw new IllegalStateException("Cannot name the dead-letter topic: no consumer group on this thread "
                    + "and no inbox.group-id");
        }
        return group;
    }
}
