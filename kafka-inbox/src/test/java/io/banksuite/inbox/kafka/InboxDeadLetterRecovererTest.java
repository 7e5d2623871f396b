package io.banksuite.inbox.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.banksuite.schemas.MessageHeaders;
import io.banksuite.schemas.Topics;
import java.nio.charset.StandardCharsets;

import io.banksuite.inbox.InvalidEventException;
import io.banksuite.inbox.TestEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

class InboxDeadLetterRecovererTest {

    // Never connects: createProducerRecord does not send.
    private final DefaultKafkaProducerFactory<byte[], byte[]> factory =
            new DefaultKafkaProducerFactory<>(java.util.Map.of("bootstrap.servers", "127.0.0.1:1"));
    private final InboxDeadLetterRecoverer recoverer =
            new InboxDeadLetterRecoverer(new KafkaTemplate<>(factory), () -> "ml-consumer");

    @AfterEach
    void close() {
        factory.destroy();
    }

    @Test
    void parksTheRawBytesOfARecordThatFailedInTheListener() {
        ConsumerRecord<String, Object> record =
                new ConsumerRecord<>(Topics.CLIENT_EVENTS_NAME, 2, 7, "c-1", TestEvents.event("e-1", "c-1"));
        var headers = new RecordHeaders();
        headers.add(MessageHeaders.TRACEPARENT, new byte[]{1});
        headers.add(RawValueRetainingDeserializer.RAW_VALUE_HEADER, new byte[]{0, 0, 0, 0, 1, 42});

        ProducerRecord<Object, Object> out = recoverer.createProducerRecord(record,
                new TopicPartition("client.events.ml-consumer.dlt", -1), headers, null, null);

        assertThat(out.topic()).isEqualTo("client.events.ml-consumer.dlt");
        assertThat(out.partition()).as("partition chosen from the key").isNull();
        assertThat((byte[]) out.key()).isEqualTo("c-1".getBytes(StandardCharsets.UTF_8));
        assertThat((byte[]) out.value()).containsExactly(0, 0, 0, 0, 1, 42);
        assertThat(out.headers().lastHeader(RawValueRetainingDeserializer.RAW_VALUE_HEADER)).isNull();
        assertThat(out.headers().lastHeader(MessageHeaders.TRACEPARENT)).isNotNull();
    }

    @Test
    void parksTheBytesOfARecordThatCouldNotBeDeserialized() {
        ConsumerRecord<String, Object> record = new ConsumerRecord<>(Topics.CLIENT_EVENTS_NAME, 0, 1, "c-1", null);

        ProducerRecord<Object, Object> out = recoverer.createProducerRecord(record,
                new TopicPartition("x.dlt", -1), new RecordHeaders(), null, new byte[]{7, 7});

        assertThat((byte[]) out.value()).containsExactly(7, 7);
    }

    @Test
    void aBatchListenersFailureOfOneRecordIsParkedAsThatRecordsOwnFailure() {
        var record = new ConsumerRecord<String, Object>(Topics.CLIENT_EVENTS_NAME, 0, 1, "c-1", null);
        var cause = new InvalidEventException("bad currency");
        var wrapped = new ListenerExecutionFailedException("listener failed", "g",
                new BatchListenerFailedException("cannot keep", cause, record));

        Exception unwrapped = InboxDeadLetterRecoverer.withoutBatchWrapper(wrapped);

        assertThat(unwrapped).isInstanceOf(ListenerExecutionFailedException.class).hasCause(cause);
        assertThat(((ListenerExecutionFailedException) unwrapped).getGroupId()).isEqualTo("g");
        var recordFailure = new ListenerExecutionFailedException("listener failed", cause);
        assertThat(InboxDeadLetterRecoverer.withoutBatchWrapper(recordFailure)).isSameAs(recordFailure);
    }

    @Test
    void refusesToParkARecordWhoseBytesWereNotRetained() {
        ConsumerRecord<String, Object> record =
                new ConsumerRecord<>(Topics.CLIENT_EVENTS_NAME, 0, 1, "c-1", TestEvents.event("e-1", "c-1"));

        assertThatThrownBy(() -> recoverer.createProducerRecord(record, new TopicPartition("x.dlt", -1),
                new RecordHeaders(), null, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("RawValueRetainingDeserializer");
    }
}
