package io.banksuite.inbox.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import io.banksuite.schemas.Topics;
import io.banksuite.schemas.serde.AvroSerdeConfig;
import io.banksuite.schemas.serde.ConfluentAvroSerializer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;

/**
 * Plain Kafka clients for integration tests of inbox consumers: an Avro producer that speaks the suite's contract
 * (String key, Confluent-framed Avro value), a raw producer for poison records, and a reader of dead-letter topics.
 * Shipped in kafka-inbox's test jar.
 */
public final class KafkaTestClients implements AutoCloseable {

    private final String bootstrapServers;
    private final String registryUrl;
    private final KafkaProducer<String, Object> avroProducer;
    private final KafkaProducer<String, byte[]> rawProducer;
    private final Admin admin;

    public KafkaTestClients(String bootstrapServers, String registryUrl) {
        this.bootstrapServers = bootstrapServers;
        this.registryUrl = registryUrl;
        this.avroProducer = new KafkaProducer<>(producerProps(Map.of()), new StringSerializer(),
                avroSerializer(registryUrl));
        this.rawProducer = new KafkaProducer<>(producerProps(Map.of()), new StringSerializer(),
                new ByteArraySerializer());
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    public Admin admin() {
        return admin;
    }

    /** Sends an Avro value in the suite's wire format and waits for the acknowledgement. */
    public void send(String topic, String key, SpecificRecord value) {
        await(avroProducer.send(new ProducerRecord<>(topic, key, value)));
    }

    /** The same, with headers (UTF-8 values), as a producer that propagates a trace context would send it. */
    public void send(String topic, String key, SpecificRecord value, Map<String, String> headers) {
        ProducerRecord<String, Object> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
        await(avroProducer.send(record));
    }

    /** Sends bytes as they are: for records that are not in the suite's wire format. */
    public void sendRaw(String topic, String key, byte[] value) {
        await(rawProducer.send(new ProducerRecord<>(topic, key, value)));
    }

    /** Serializes a value exactly as the Avro producer would (registering its schema), without sending it. */
    public byte[] serialize(String topic, SpecificRecord value) {
        try (ConfluentAvroSerializer serializer = avroSerializer(registryUrl)) {
            return serializer.serialize(topic, value);
        }
    }

    /** Waits until {@code topic} holds a record that matches, reading from the start, and returns it. */
    public ConsumerRecord<byte[], byte[]> awaitRecord(String topic, Predicate<ConsumerRecord<byte[], byte[]>> matching,
                                                      Duration timeout) {
        try (KafkaConsumer<byte[], byte[]> consumer = reader()) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
            Awaitility.await("a matching record in " + topic).atMost(timeout).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (matching.test(r)) {
                        found.add(r);
                    }
                });
                return !found.isEmpty();
            });
            return found.get(0);
        }
    }

    /** Every record on {@code topic} now (up to its current end) that matches, in offset order per partition. */
    public List<ConsumerRecord<byte[], byte[]>> records(String topic, Predicate<ConsumerRecord<byte[], byte[]>> matching,
                                                        Duration timeout) {
        try (KafkaConsumer<byte[], byte[]> consumer = reader()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
            Awaitility.await("the records of " + topic).atMost(timeout).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (matching.test(r)) {
                        found.add(r);
                    }
                });
                return partitions.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp));
            });
            return found;
        }
    }

    private KafkaConsumer<byte[], byte[]> reader() {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** The value of the last header of that name, as UTF-8 text, or null. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        avroProducer.close(Duration.ofSeconds(10));
        rawProducer.close(Duration.ofSeconds(10));
        admin.close(Duration.ofSeconds(10));
    }

    /** Configured here: a producer does not configure serializers it is handed. */
    private static ConfluentAvroSerializer avroSerializer(String registryUrl) {
        ConfluentAvroSerializer serializer = new ConfluentAvroSerializer();
        // Subjects named as the relay names them on the suite's topics.
        serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl,
                AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, true,
                AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, Topics.CLIENT_EVENTS.valueSubjects().confluentClassName()),
                false);
        return serializer;
    }

    private Map<String, Object> producerProps(Map<String, Object> extra) {
        Map<String, Object> props = new java.util.HashMap<>(extra);
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return props;
    }

    private static <T> T await(java.util.concurrent.Future<T> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Send failed", e);
        }
    }
}
