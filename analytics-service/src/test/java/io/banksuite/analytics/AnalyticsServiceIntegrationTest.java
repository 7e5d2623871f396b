package io.banksuite.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.banksuite.analytics.events.TransactionCreatedListener;
import io.banksuite.events.Channel;
import io.banksuite.events.TransactionCreated;
import io.banksuite.events.TransactionType;
import io.banksuite.inbox.InboxProcessor;
import io.banksuite.inbox.testing.ConsumerGroups;
import io.banksuite.inbox.testing.KafkaTestClients;
import io.banksuite.local.PostgresDatabases;
import io.banksuite.local.SchemaRegistryServer;
import io.banksuite.schemas.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * analytics-service end to end within one JVM: a real KRaft broker (6 partitions), the real schema registry, a
 * real PostgreSQL database of its own. The broker is spring-kafka-test's in-JVM KRaft broker ({@code @EmbeddedKafka}). Every test uses an hour of event time of its own, so the tests do not
 * depend on their order.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "inbox.concurrency=3",
        "inbox.retry.initial-interval=100ms",
        "inbox.retry.max-interval=200ms",
        "analytics.api.max-range=2h"})
@EmbeddedKafka(partitions = 6, topics = AnalyticsServiceIntegrationTest.TOPIC)
class AnalyticsServiceIntegrationTest {

    /** Topics.TRANSACTION_CREATED (an annotation needs a constant; {@link #topicIsTheContractTopic} checks). */
    static final String TOPIC = "transaction.created";
    static final String GROUP = "analytics-consumer";
    static final String DEAD_LETTER_TOPIC = Topics.TRANSACTION_CREATED.deadLetterTopic(GROUP);
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static final AtomicInteger HOURS = new AtomicInteger();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        String databaseUrl = PostgresDatabases.recreate("it_analytics_service");
        String registryUrl = SchemaRegistryServer.shared().url();
        registry.add("spring.datasource.url", () -> databaseUrl);
        registry.add("spring.datasource.username", PostgresDatabases::username);
        registry.add("spring.datasource.password", PostgresDatabases::password);
        registry.add("spring.kafka.properties.schema.registry.url", () -> registryUrl);
    }

    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    KafkaListenerEndpointRegistry listeners;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry meters;
    @Autowired
    JsonMapper json;
    @LocalServerPort
    int port;

    /** The start of this test's own hour of event time. */
    private final Instant base = Instant.parse("2026-01-01T00:00:00Z").plus(Duration.ofHours(HOURS.incrementAndGet()));
    private final HttpClient http = HttpClient.newHttpClient();
    private KafkaTestClients kafka;
    private ConsumerGroups groups;

    @BeforeEach
    void clients() {
        kafka = new KafkaTestClients(broker.getBrokersAsString(), SchemaRegistryServer.shared().url());
        groups = new ConsumerGroups(kafka.admin());
    }

    @AfterEach
    void closeClients() {
        kafka.close();
    }

    @Test
    void topicIsTheContractTopic() {
        assertThat(TOPIC).isEqualTo(Topics.TRANSACTION_CREATED.name());
    }

    @Test
    void sumsPerMinuteCurrencyAndCategory() throws Exception {
        send(List.of(
                event("c-1", 100, "EUR", "5411", base),
                event("c-2", 50, "EUR", "5411", base.plusSeconds(59).plusNanos(999_999_000)),
                event("c-1", 7, "EUR", "5411", base.plusSeconds(60)),
                event("c-3", 999, "USD", "5411", base.plusSeconds(10)),
                event("c-1", 3, "EUR", null, base.plusSeconds(20)),
                event("c-2", 1, "EUR", "5812", base.plusSeconds(30))));

        await().atMost(TIMEOUT).until(() -> totalCount(base, base.plusSeconds(120)) == 6);

        HttpResponse<String> response = get("/api/v1/analytics/minutes?from=" + base + "&to=" + base.plusSeconds(120));
        assertThat(response.statusCode()).isEqualTo(200);
        String m0 = base.toString();
        String m1 = base.plusSeconds(60).toString();
        assertThat(rows(json.readTree(response.body()))).containsExactly(
                m0 + " EUR 5411 2 150",
                m0 + " EUR 5812 1 1",
                m0 + " EUR UNKNOWN 1 3",
                m0 + " USD 5411 1 999",
                m1 + " EUR 5411 1 7");

        // [from, to): the second minute only.
        HttpResponse<String> second = get("/api/v1/analytics/minutes?from=" + m1 + "&to=" + base.plusSeconds(120));
        assertThat(rows(json.readTree(second.body()))).containsExactly(m1 + " EUR 5411 1 7");
        assertThat(get("/actuator/prometheus").body()).contains("inbox_events_applied_total");
    }

    @Test
    void rejectsUnboundedOrInvertedRangesAsProblems() throws Exception {
        assertProblem(get("/api/v1/analytics/minutes?from=" + base + "&to=" + base), 400);
        assertProblem(get("/api/v1/analytics/minutes?from=" + base + "&to=" + base.plus(Duration.ofHours(3))), 400);
        assertProblem(get("/api/v1/analytics/minutes?from=" + base), 400);
        assertProblem(get("/api/v1/analytics/minutes?from=yesterday&to=" + base), 400);
        assertThat(get("/api/v1/analytics/minutes?from=" + base + "&to=" + base.plus(Duration.ofHours(2)))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void republishingTheSameEventsChangesNothing() {
        List<TransactionCreated> events = List.of(event("c-1", 700, "EUR", "5411", base),
                event("c-2", 300, "EUR", "5411", base.plusSeconds(1)), event("c-1", 42, "GBP", null, base));
        send(events);
        groups.awaitCaughtUp(GROUP, TOPIC, TIMEOUT);
        var before = snapshot();
        assertThat(totalCount(base, base.plusSeconds(60))).isEqualTo(3);
        double duplicatesBefore = counterValue(InboxProcessor.DUPLICATE_METRIC);

        send(events);
        groups.awaitCaughtUp(GROUP, TOPIC, TIMEOUT);

        assertThat(counterValue(InboxProcessor.DUPLICATE_METRIC) - duplicatesBefore)
                .as("every republished event was consumed and recognised").isEqualTo(events.size());
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void rewindingTheConsumerGroupChangesNothing() {
        send(List.of(event("c-1", 1000, "EUR", "5411", base), event("c-2", 2000, "CHF", "4111", base)));
        groups.awaitCaughtUp(GROUP, TOPIC, TIMEOUT);
        var before = snapshot();
        assertThat(totalCount(base, base.plusSeconds(60))).isEqualTo(2);
        double duplicatesBefore = counterValue(InboxProcessor.DUPLICATE_METRIC);

        groups.rewindToStart(listeners.getListenerContainer(TransactionCreatedListener.LISTENER_ID), GROUP, TOPIC);
        groups.awaitCaughtUp(GROUP, TOPIC, TIMEOUT);

        assertThat(counterValue(InboxProcessor.DUPLICATE_METRIC) - duplicatesBefore)
                .as("every applied event was delivered again")
                .isGreaterThanOrEqualTo(before.inboxRows());
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aPoisonRecordIsDeadLetteredAndTheNextEventIsStillApplied() {
        byte[] poison = ("not confluent avro " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        kafka.sendRaw(TOPIC, "c-9", poison);
        send(List.of(event("c-9", 123, "EUR", "5411", base)));

        await().atMost(TIMEOUT).until(() -> totalCount(base, base.plusSeconds(60)) == 1);
        ConsumerRecord<byte[], byte[]> parked = kafka.awaitRecord(DEAD_LETTER_TOPIC,
                r -> Arrays.equals(r.value(), poison), TIMEOUT);

        assertThat(new String(parked.key(), StandardCharsets.UTF_8)).isEqualTo("c-9");
        assertThat(KafkaTestClients.header(parked, "kafka_dlt-exception-fqcn")).contains("DeserializationException");
        assertThat(KafkaTestClients.header(parked, "kafka_dlt-original-topic")).isEqualTo(TOPIC);
        assertThat(KafkaTestClients.header(parked, "kafka_dlt-original-consumer-group")).isEqualTo(GROUP);
    }

    @Test
    void anEventTheServiceRejectsIsParkedWithItsOriginalBytes() {
        TransactionCreated invalid = event("c-8", 5, "euro", "5411", base);
        byte[] bytes = kafka.serialize(TOPIC, invalid);
        kafka.sendRaw(TOPIC, "c-8", bytes);
        send(List.of(event("c-8", 10, "EUR", "5411", base)));

        await().atMost(TIMEOUT).until(() -> totalCount(base, base.plusSeconds(60)) == 1);
        ConsumerRecord<byte[], byte[]> parked = kafka.awaitRecord(DEAD_LETTER_TOPIC,
                r -> Arrays.equals(r.value(), bytes), TIMEOUT);

        assertThat(KafkaTestClients.header(parked, "kafka_dlt-exception-cause-fqcn"))
                .isEqualTo("io.banksuite.inbox.InvalidEventException");
        assertThat(jdbc.sql("SELECT count(*) FROM inbox_processed_event WHERE event_id = ?::uuid")
                .param(invalid.getEventId()).query(Long.class).single()).as("not marked as processed").isZero();
    }

    // --- helpers

    private record Snapshot(List<Map<String, Object>> totals, long inboxRows) {
    }

    private Snapshot snapshot() {
        return new Snapshot(
                jdbc.sql("SELECT * FROM minute_totals ORDER BY minute, currency, merchant_category").query().listOfRows(),
                jdbc.sql("SELECT count(*) FROM inbox_processed_event").query(Long.class).single());
    }

    private long totalCount(Instant from, Instant to) {
        return jdbc.sql("SELECT coalesce(sum(txn_count), 0) FROM minute_totals WHERE minute >= ? AND minute < ?")
                .params(java.sql.Timestamp.from(from), java.sql.Timestamp.from(to)).query(Long.class).single();
    }

    private static List<String> rows(JsonNode body) {
        return body.valueStream().map(n -> Instant.parse(n.get("minute").asString()) + " "
                + n.get("currency").asString() + " " + n.get("merchantCategory").asString() + " "
                + n.get("count").asLong() + " " + n.get("amountMinor").asLong()).toList();
    }

    private void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json.readTree(response.body()).get("status").asInt()).isEqualTo(status);
    }

    private double counterValue(String name) {
        Counter counter = meters.find(name).tags("topic", TOPIC, "group", GROUP).counter();
        return counter == null ? 0 : counter.count();
    }

    private void send(List<TransactionCreated> events) {
        events.forEach(e -> kafka.send(TOPIC, e.getClientId(), e));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static TransactionCreated event(String clientId, long amountMinor, String currency,
                                            @Nullable String merchantCategory, Instant occurredAt) {
        return TransactionCreated.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(occurredAt)
                .setTransactionId(UUID.randomUUID().toString())
                .setClientId(clientId)
                .setAmountMinor(amountMinor)
                .setCurrency(currency)
                .setType(TransactionType.PAYMENT)
                .setMerchantId("m-1")
                .setMerchantCategory(merchantCategory)
                .setMerchantCountry("DE")
                .setChannel(Channel.WEB)
                .build();
    }
}
