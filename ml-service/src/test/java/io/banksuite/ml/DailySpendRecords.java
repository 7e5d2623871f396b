package io.banksuite.ml;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.banksuite.events.ClientDailySpend;
import io.banksuite.schemas.Topics;
import io.banksuite.schemas.serde.AvroSerdeConfig;
import io.banksuite.schemas.serde.ConfluentAvroDeserializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads {@code client.daily-spend} from its start up to its end as a consumer of the given isolation level sees it
 * now: {@code read_committed} stops at the last stable offset and skips aborted records, {@code read_uncommitted}
 * reads every record written, aborted ones included.
 */
final class DailySpendRecords {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private DailySpendRecords() {
    }

    /** Every record, in offset order per partition, partitions one after the other. */
    static List<ClientDailySpend> read(String bootstrapServers, String registryUrl, IsolationLevel isolation) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-daily-spend-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation.toString(),
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        ConfluentAvroDeserializer values = new ConfluentAvroDeserializer();
        values.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl,
                AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(props, new StringDeserializer(), values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.CLIENT_DAILY_SPEND_NAME, TIMEOUT).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // For read_committed, the end is the last stable offset.
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            List<ConsumerRecord<String, Object>> records = new ArrayList<>();
            Instant deadline = Instant.now().plus(TIMEOUT);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("client.daily-spend not read to " + end + " in " + TIMEOUT);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records.stream()
                    .sorted((a, b) -> a.partition() != b.partition() ? Integer.compare(a.partition(), b.partition())
                            : Long.compare(a.offset(), b.offset()))
                    .map(r -> (ClientDailySpend) r.value()).toList();
        }
    }
}
