package io.banksuite.inbox.replay;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Function;

import io.banksuite.inbox.kafka.RawValueRetainingDeserializer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.KafkaUtils;

/**
 * Reads the records of a dead-letter topic (Spring's {@code kafka_dlt-*} headers) and turns one back into the
 * record it was: same key, value bytes and headers, minus the diagnostics of its failure.
 */
public final class DeadLetterRecords {

    /** Set on a replayed record: the dead-letter topic it came back from. */
    public static final String REPLAYED_FROM_HEADER = "x-replayed-from";
    /** Set on a replayed record: how often this record has been replayed, counting this time (decimal text). */
    public static final String REPLAY_COUNT_HEADER = "x-replay-count";

    /** Every header the dead-letter recoverer adds (exception and original coordinates) starts with this. */
    private static final String DEAD_LETTER_HEADER_PREFIX = "kafka_dlt-";

    private DeadLetterRecords() {
    }

    /**
     * The record to republish: to its original topic ({@code fallbackTopic} if the header is missing), with the
     * original key, value bytes and headers; the failure's headers are dropped and {@value #REPLAYED_FROM_HEADER}
     * and {@value #REPLAY_COUNT_HEADER} set. The partition follows the key, as for any new record of that client.
     */
    public static ProducerRecord<byte[], byte[]> toReplay(ConsumerRecord<byte[], byte[]> parked, String fallbackTopic) {
        String topic = text(parked, KafkaHeaders.DLT_ORIGINAL_TOPIC);
        Headers headers = new RecordHeaders();
        for (Header header : parked.headers()) {
            if (isCarriedOver(header.key())) {
                headers.add(header);
            }
        }
        headers.add(REPLAYED_FROM_HEADER, parked.topic().getBytes(StandardCharsets.UTF_8));
        headers.add(REPLAY_COUNT_HEADER,
                Integer.toString(replayCount(parked) + 1).getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(topic == null || topic.isBlank() ? fallbackTopic : topic, null, parked.key(),
                parked.value(), headers);
    }

    /** What an operator needs to know about a parked record; {@code eventIds} reads the event id from the value. */
    public static ParkedRecord describe(ConsumerRecord<byte[], byte[]> parked,
                                        Function<byte @Nullable [], @Nullable String> eventIds) {
        Long originalTimestamp = number(parked, KafkaHeaders.DLT_ORIGINAL_TIMESTAMP);
        Long originalPartition = number(parked, KafkaHeaders.DLT_ORIGINAL_PARTITION);
        return new ParkedRecord(parked.partition(), parked.offset(), Instant.ofEpochMilli(parked.timestamp()),
                parked.key() == null ? null : new String(parked.key(), StandardCharsets.UTF_8),
                eventIds.apply(parked.value()),
                text(parked, KafkaHeaders.DLT_EXCEPTION_FQCN),
                text(parked, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN),
                text(parked, KafkaHeaders.DLT_EXCEPTION_MESSAGE),
                text(parked, KafkaHeaders.DLT_ORIGINAL_TOPIC),
                originalPartition == null ? null : originalPartition.intValue(),
                number(parked, KafkaHeaders.DLT_ORIGINAL_OFFSET),
                originalTimestamp == null ? null : Instant.ofEpochMilli(originalTimestamp),
                replayCount(parked));
    }

    /** The {@value #REPLAY_COUNT_HEADER} the record carried when it was parked (0 if it was never replayed). */
    static int replayCount(ConsumerRecord<?, ?> record) {
        String count = text(record, REPLAY_COUNT_HEADER);
        if (count == null) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(count.trim()));
        } catch (NumberFormatException e) {
            // Someone else's header of that name: count afresh rather than refuse to replay.
            return 0;
        }
    }

    private static boolean isCarriedOver(String name) {
        return !name.startsWith(DEAD_LETTER_HEADER_PREFIX)
                && !name.startsWith(KafkaUtils.DESERIALIZER_EXCEPTION_HEADER_PREFIX)
                && !name.equals(RawValueRetainingDeserializer.RAW_VALUE_HEADER)
                && !name.equals(REPLAYED_FROM_HEADER)
                && !name.equals(REPLAY_COUNT_HEADER);
    }

    private static @Nullable String text(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Spring writes partitions as 4-byte and offsets and timestamps as 8-byte big-endian numbers. */
    private static @Nullable Long number(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null || header.value() == null) {
            return null;
        }
        byte[] bytes = header.value();
        return switch (bytes.length) {
            case Integer.BYTES -> (long) ByteBuffer.wrap(bytes).getInt();
            case Long.BYTES -> ByteBuffer.wrap(bytes).getLong();
            default -> null;
        };
    }
}
