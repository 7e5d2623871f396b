package io.banksuite.inbox.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

import io.banksuite.events.TransactionCreated;
import io.banksuite.inbox.InboxProcessor;
import io.banksuite.inbox.InboxProperties;
import io.banksuite.schemas.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.context.ApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Drives a service's inbox consumer from outside, in the service's {@code @SpringBootTest} (see
 * {@link InboxServiceTest}): publishes events and records it must park, waits for its consumer group to catch up,
 * rewinds the group, reads its dead-letter topic, calls the service's HTTP API, and checks what the inbox
 * guarantees whatever the service's effect is (records that cannot be applied are parked with their original bytes
 * and diagnostics; redelivered events change nothing). The test keeps its effect and the assertions about it.
 *
 * <p>A JUnit extension ({@code @RegisterExtension}): before each test it reads the topic and group the service is
 * configured with ({@code inbox.*}) and opens Kafka clients of that test's own on the broker and schema registry
 * the service uses, and closes them after it.
 */
public final class InboxConsumerDriver implements BeforeEachCallback, AfterEachCallback {

    /** How long the service gets to apply, park or catch up. */
    public static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static final String REGISTRY_URL_PROPERTY = "spring.kafka.properties.schema.registry.url";

    private final HttpClient http = HttpClient.newHttpClient();

    private String topic;
    private String group;
    private String deadLetterTopic;
    private String baseUrl;
    private KafkaTestClients kafka;
    private ConsumerGroups groups;
    private InboxTable inboxTable;
    private MeterRegistry meters;
    private KafkaListenerEndpointRegistry listeners;

    @Override
    public void beforeEach(ExtensionContext context) {
        ApplicationContext service = SpringExtension.getApplicationContext(context);
        InboxProperties inbox = service.getBean(InboxProperties.class);
        topic = inbox.topic();
        group = inbox.groupId();
        assertThat(group).as("inbox.group-id of the service under test").isNotBlank();
        deadLetterTopic = Topics.deadLetterTopic(topic, group);
        baseUrl = "http://127.0.0.1:" + service.getEnvironment().getProperty("local.server.port");
        // The broker and registry the service itself was configured with.
        String bootstrapServers = String.join(",",
                service.getBean(KafkaConnectionDetails.class).getConsumer().getBootstrapServers());
        String registryUrl = service.getEnvironment().getRequiredProperty(REGISTRY_URL_PROPERTY);
        kafka = new KafkaTestClients(bootstrapServers, registryUrl);
        groups = new ConsumerGroups(kafka.admin());
        // A consumer that keeps its effects outside PostgreSQL (analytics) has no inbox table to check.
        inboxTable = InboxTable.of(service);
        meters = service.getBean(MeterRegistry.class);
        listeners = service.getBean(KafkaListenerEndpointRegistry.class);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
    }

    /** The consumer group of the service under test. */
    public String group() {
        return group;
    }

    /** Where that group parks what it cannot apply. */
    public String deadLetterTopic() {
        return deadLetterTopic;
    }

    // --- the service's HTTP API

    /** GET on the service's own HTTP port (a RANDOM_PORT test). */
    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** POST without a body on the service's own HTTP port. */
    public HttpResponse<String> post(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    // --- publishing

    /** Publishes the events in the suite's wire format, keyed by client (so a client's events keep their order). */
    public void publish(List<TransactionCreated> events) {
        events.forEach(e -> kafka.send(topic, e.getClientId(), e));
    }

    public void publish(TransactionCreated... events) {
        publish(List.of(events));
    }

    /** Publishes any event of the client stream (a {@code client.updated}, say), keyed by its client. */
    public void publishEvent(String clientId, SpecificRecord event) {
        kafka.send(topic, clientId, event);
    }

    /** Publishes the event keyed by client, with headers (a trace context, say). */
    public void publish(TransactionCreated event, Map<String, String> headers) {
        kafka.send(topic, event.getClientId(), event, headers);
    }

    /** Publishes, under {@code key}, a value that is not in the wire format at all, and returns it. */
    public byte[] publishPoison(String key) {
        byte[] poison = ("not confluent avro " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        kafka.sendRaw(topic, key, poison);
        return poison;
    }

    /**
     * Publishes the event exactly as {@link #publish} would, and returns the bytes of its value, to find it again on
     * the dead-letter topic.
     */
    public byte[] publishReturningBytes(TransactionCreated event) {
        byte[] value = kafka.serialize(topic, event);
        kafka.sendRaw(topic, event.getClientId(), value);
        return value;
    }

    // --- the consumer group

    /** Waits until the group has committed everything on the topic: all of it is applied (or parked) for good. */
    public void awaitCaughtUp() {
        groups.awaitCaughtUp(group, topic, TIMEOUT);
    }

    /** Records on the topic that the group has not committed yet. */
    public long lag() {
        return groups.lag(group, topic);
    }

    /** Rewinds the group to the start of the topic, as an operator would to replay it, with the listener stopped. */
    public void rewindToStart(String listenerId) {
        groups.rewindToStart(listeners.getListenerContainer(listenerId), group, topic);
    }

    // --- the dead-letter topic

    /** Waits for the record with that value on the group's dead-letter topic. */
    public ConsumerRecord<byte[], byte[]> awaitDeadLettered(byte[] value) {
        return awaitDeadLettered(r -> Arrays.equals(r.value(), value));
    }

    /** Waits for a record with that key on the group's dead-letter topic. */
    public ConsumerRecord<byte[], byte[]> awaitDeadLetteredWithKey(String key) {
        return awaitDeadLettered(withKey(key));
    }

    /** Waits for a matching record on the group's dead-letter topic. */
    public ConsumerRecord<byte[], byte[]> awaitDeadLettered(Predicate<ConsumerRecord<byte[], byte[]>> matching) {
        return kafka.awaitRecord(deadLetterTopic, matching, TIMEOUT);
    }

    /** Every record on the consumed topic now that matches (the original and any replayed copies, say). */
    public List<ConsumerRecord<byte[], byte[]>> recordsOnTopic(Predicate<ConsumerRecord<byte[], byte[]>> matching) {
        return kafka.records(topic, matching, TIMEOUT);
    }

    /** Every record on the group's dead-letter topic now whose key is {@code key}. */
    public List<ConsumerRecord<byte[], byte[]>> deadLettered(String key) {
        return kafka.records(deadLetterTopic, withKey(key), TIMEOUT);
    }

    /** Records whose key is {@code key} (UTF-8). */
    public static Predicate<ConsumerRecord<byte[], byte[]>> withKey(String key) {
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        return r -> Arrays.equals(r.key(), bytes);
    }

    // --- the replay of the dead-letter topic

    /** The offsets the group's replay group ({@code <group>.dlt-replay}) has committed: how far it replayed. */
    public Map<TopicPartition, OffsetAndMetadata> replayOffsets() {
        return groups.committed(Topics.DeadLetters.replayGroup(group));
    }

    /** Gives up on everything parked so far: moves the replay group to the end of the dead-letter topic. */
    public void skipParked() {
        groups.moveToEnd(Topics.DeadLetters.replayGroup(group), deadLetterTopic);
    }

    /**
     * Waits for a record that could not be deserialized on the dead-letter topic, and checks it is parked as such,
     * under its key, with where it came from.
     */
    public void assertDeadLetteredAsUndeserializable(byte[] value, String key) {
        ConsumerRecord<byte[], byte[]> parked = awaitDeadLettered(value);

        assertThat(new String(parked.key(), StandardCharsets.UTF_8)).isEqualTo(key);
        assertThat(KafkaTestClients.header(parked, "kafka_dlt-exception-fqcn")).contains("DeserializationException");
        assertThat(KafkaTestClients.header(parked, "kafka_dlt-original-topic")).isEqualTo(topic);
        assertThat(KafkaTestClients.header(parked, "kafka_dlt-original-consumer-group")).isEqualTo(group);
        assertThat(parked.headers().lastHeader("kafka_dlt-original-offset")).isNotNull();
    }

    /**
     * Waits for an event the service rejected on the dead-letter topic (its value as published), and checks it is
     * parked because the service found it invalid and is not marked as processed.
     */
    public void assertDeadLetteredAsRejected(TransactionCreated rejected, byte[] value) {
        ConsumerRecord<byte[], byte[]> parked = awaitDeadLettered(value);

        assertThat(KafkaTestClients.header(parked, "kafka_dlt-exception-cause-fqcn"))
                .isEqualTo("io.banksuite.inbox.InvalidEventException");
        if (inboxTable != null) {
            assertThat(inboxTable.isMarked(rejected.getEventId())).as("not marked as processed").isFalse();
        }
    }

    // --- redelivery

    /**
     * Publishes the events again (they were published and the group has caught up) and checks that the inbox
     * recognised every copy as a duplicate and that neither the service's {@code effects} nor the inbox changed.
     */
    public void assertRepublishingChangesNothing(List<TransactionCreated> events, Supplier<?> effects) {
        State before = state(effects);
        double duplicatesBefore = duplicates();

        publish(events);
        awaitCaughtUp();

        assertThat(duplicates() - duplicatesBefore)
                .as("every republished event was consumed and recognised").isEqualTo(events.size());
        assertThat(state(effects)).isEqualTo(before);
    }

    /**
     * Rewinds the group to the start of the topic (the group has caught up) and checks that every event applied so
     * far was delivered again and recognised, and that neither the service's {@code effects} nor the inbox changed.
     */
    public void assertRewindingChangesNothing(String listenerId, Supplier<?> effects) {
        State before = state(effects);
        double duplicatesBefore = duplicates();

        rewindToStart(listenerId);
        awaitCaughtUp();

        assertThat(duplicates() - duplicatesBefore)
                .as("every applied event was delivered again")
                .isGreaterThanOrEqualTo(before.processedEvents());
        assertThat(state(effects)).isEqualTo(before);
    }

    // --- the inbox's table and meters

    /** Ids of the events of that record key the group's inbox processed, in the order it processed them. */
    public List<String> processedEventIds(String key) {
        return requireInboxTable().eventIdsOf(key, group);
    }

    /** Events the group applied on the topic, by the inbox's counter. */
    public double applied() {
        return counter(InboxProcessor.APPLIED_METRIC);
    }

    /** Events the group recognised as already processed, by the inbox's counter. */
    public double duplicates() {
        return counter(InboxProcessor.DUPLICATE_METRIC);
    }

    /** Records of an event type the group does not handle (Avro full name) that it skipped, by the inbox's counter. */
    public double ignored(String eventType) {
        Counter counter = meters.find(InboxProcessor.IGNORED_METRIC)
                .tags("topic", topic, "group", group, "type", eventType).counter();
        return counter == null ? 0 : counter.count();
    }

    private double counter(String name) {
        Counter counter = meters.find(name).tags("topic", topic, "group", group).counter();
        return counter == null ? 0 : counter.count();
    }

    /** What redelivery must leave as it was: the service's effects and the inbox's rows. */
    private record State(Object effects, long processedEvents) {
    }

    private State state(Supplier<?> effects) {
        return new State(effects.get(), requireInboxTable().rows(group));
    }

    private InboxTable requireInboxTable() {
        assertThat(inboxTable).as("the service's inbox table (a JDBC inbox)").isNotNull();
        return inboxTable;
    }
}
