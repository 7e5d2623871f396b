package io.banksuite.inbox.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.banksuite.schemas.MessageHeaders;
import io.banksuite.schemas.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import io.banksuite.inbox.kafka.RawValueRetainingDeserializer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class DeadLetterRecordsTest {

    static final String DLT = "client.events.ml-consumer.dlt";

    @Test
    void replaysTheOriginalRecordWithoutTheFailuresHeaders() {
        RecordHeaders headers = dltHeaders();
        headers.add(MessageHeaders.TRACEPARENT, bytes("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"));
        headers.add("springDeserializerExceptionValue", bytes("x"));
        headers.add(RawValueRetainingDeserializer.RAW_VALUE_HEADER, bytes("x"));
        ConsumerRecord<byte[], byte[]> parked = parked(headers);

        ProducerRecord<byte[], byte[]> replay = DeadLetterRecords.toReplay(parked, "fallback");

        assertThat(replay.topic()).isEqualTo(Topics.CLIENT_EVENTS_NAME);
        assertThat(replay.partition()).as("the key chooses the partition").isNull();
        assertThat(replay.key()).isEqualTo(bytes("c-1"));
        assertThat(replay.value()).isSameAs(parked.value());
        assertThat(replay.headers()).extracting(Header::key)
                .containsExactly(MessageHeaders.TRACEPARENT, DeadLetterRecords.REPLAYED_FROM_HEADER,
                        DeadLetterRecords.REPLAY_COUNT_HEADER);
        assertThat(text(replay, DeadLetterRecords.REPLAYED_FROM_HEADER)).isEqualTo(DLT);
        assertThat(text(replay, DeadLetterRecords.REPLAY_COUNT_HEADER)).isEqualTo("1");
    }

    @Test
    void countsReplaysAndKeepsOneReplayHeaderOfEachKind() {
        RecordHeaders headers = dltHeaders();
        headers.add(DeadLetterRecords.REPLAYED_FROM_HEADER, bytes(DLT));
        headers.add(DeadLetterRecords.REPLAY_COUNT_HEADER, bytes("2"));

        ProducerRecord<byte[], byte[]> replay = DeadLetterRecords.toReplay(parked(headers), "fallback");

        assertThat(replay.headers().headers(DeadLetterRecords.REPLAYED_FROM_HEADER)).hasSize(1);
        assertThat(replay.headers().headers(DeadLetterRecords.REPLAY_COUNT_HEADER)).singleElement()
                .satisfies(h -> assertThat(new String(h.value(), StandardCharsets.UTF_8)).isEqualTo("3"));
    }

    @Test
    void aRecordWithoutItsOriginalTopicGoesToTheFallbackTopic() {
        assertThat(DeadLetterRecords.toReplay(parked(new RecordHeaders()), "fallback").topic())
                .isEqualTo("fallback");
    }

    @Test
    void describesAParkedRecordFromItsHeaders() {
        RecordHeaders headers = dltHeaders();
        headers.add(DeadLetterRecords.REPLAY_COUNT_HEADER, bytes("1"));

        ParkedRecord described = DeadLetterRecords.describe(parked(headers), value -> "e-1");

        assertThat(described).isEqualTo(new ParkedRecord(0, 7, Instant.ofEpochMilli(2_000), "c-1", "e-1",
                "org.springframework.kafka.listener.ListenerExecutionFailedException",
                "java.lang.IllegalStateException", "effect failed", Topics.CLIENT_EVENTS_NAME, 4, 42L,
                Instant.ofEpochMilli(1_000), 1));
    }

    @Test
    void describesARecordWithoutDiagnostics() {
        ParkedRecord described = DeadLetterRecords.describe(parked(new RecordHeaders()), value -> null);

        assertThat(described.exceptionClass()).isNull();
        assertThat(described.originalOffset()).isNull();
        assertThat(described.replayCount()).isZero();
    }

    /** The headers Spring's DeadLetterPublishingRecoverer adds, encoded as it encodes them. */
    private static RecordHeaders dltHeaders() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("kafka_dlt-exception-fqcn", bytes("org.springframework.kafka.listener.ListenerExecutionFailedException"));
        headers.add("kafka_dlt-exception-cause-fqcn", bytes("java.lang.IllegalStateException"));
        headers.add("kafka_dlt-exception-message", bytes("effect failed"));
        headers.add("kafka_dlt-exception-stacktrace", bytes("at ..."));
        headers.add("kafka_dlt-original-topic", bytes(Topics.CLIENT_EVENTS_NAME));
        headers.add("kafka_dlt-original-partition", ByteBuffer.allocate(Integer.BYTES).putInt(4).array());
        headers.add("kafka_dlt-original-offset", ByteBuffer.allocate(Long.BYTES).putLong(42).array());
        headers.add("kafka_dlt-original-timestamp", ByteBuffer.allocate(Long.BYTES).putLong(1_000).array());
        headers.add("kafka_dlt-original-consumer-group", bytes("ml-consumer"));
        return headers;
    }

    private static ConsumerRecord<byte[], byte[]> parked(RecordHeaders headers) {
        return new ConsumerRecord<>(DLT, 0, 7, 2_000, TimestampType.CREATE_TIME, 3, 5, bytes("c-1"),
                new byte[]{0, 0, 0, 0, 1}, headers, Optional.empty());
    }

    private static String text(ProducerRecord<?, ?> record, String header) {
        return new String(record.headers().lastHeader(header).value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
