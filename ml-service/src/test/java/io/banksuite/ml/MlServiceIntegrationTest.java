package io.banksuite.ml;

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

import io.banksuite.events.Channel;
import io.banksuite.events.TransactionCreated;
import io.banksuite.events.TransactionType;
import io.banksuite.inbox.InboxProcessor;
import io.banksuite.inbox.testing.ConsumerGroups;
import io.banksuite.inbox.testing.KafkaTestClients;
import io.banksuite.local.PostgresDatabases;
import io.banksuite.local.SchemaRegistryServer;
import io.banksuite.ml.events.TransactionCreatedListener;
import io.banksuite.schemas.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
 * ml-service end to end within one JVM: a real KRaft broker (6 partitions), the real schema registry, a real
 * PostgreSQL database of its own. The broker is spring-kafka-test's in-JVM KRaft broker ({@code @EmbeddedKafka}). Every test uses clients of its own, so the tests do not depend on their order.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "inbox.concurrency=3",
        "inbox.retry.initial-interval=100ms",
        "inbox.retry.max-interval=200ms"})
@EmbeddedKafka(partitions = 6, topics = MlServiceIntegrationTest.TOPIC)
class MlServiceIntegrationTest {

    /** Topics.TRANSACTION_CREATED (an annotation needs a constant; {@link #topicIsTheContractTopic} checks). */
    static final String TOPIC = "transaction.created";
    static final String GROUP = "ml-consumer";
    static final String DEAD_LETTER_TOPIC = Topics.TRANSACTION_CREATED.deadLetterTopic(GROUP);
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static final Instant T0 = Instant.parse("2026-11-27T14:00:00Z");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        String databaseUrl = PostgresDatabases.recreate("it_ml_service");
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

    private KafkaTestClients kafka;
    private ConsumerGroups groups;
    private final HttpClient http = HttpClient.newHttpClient();

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
    void appliesEventsPerClientAndCurrency() throws Exception {
        String alice = client("alice");
        String bob = client("bob");
        List<TransactionCreated> events = List.of(
                event(alice, 100, "EUR", T0),
                event(alice, 250, "EUR", T0.plusSeconds(30)),
                event(alice, 999, "USD", T0.plusSeconds(10)),
                event(alice, 1, "EUR", T0.plusSeconds(20)),
                event(bob, 5, "EUR", T0));
        send(events);

        await().atMost(TIMEOUT).until(() -> featureRows(alice).size() == 2 && featureRows(bob).size() == 1
                && sumOfCounts(alice) == 4);

        HttpResponse<String> response = get("/api/v1/clients/" + alice + "/features");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.size()).isEqualTo(2);
        JsonNode eur = body.get(0);
        assertThat(eur.get("clientId").asString()).isEqualTo(alice);
        assertThat(eur.get("currency").asString()).isEqualTo("EUR");
        assertThat(eur.get("count").asLong()).isEqualTo(3);
        assertThat(eur.get("sumMinor").asLong()).isEqualTo(351);
        assertThat(eur.get("averageMinor").decimalValue()).isEqualByComparingTo("117.00");
        assertThat(Instant.parse(eur.get("lastSeenAt").asString())).isEqualTo(T0.plusSeconds(30));
        JsonNode usd = body.get(1);
        assertThat(usd.get("currency").asString()).isEqualTo("USD");
        assertThat(usd.get("count").asLong()).isEqualTo(1);
        assertThat(usd.get("sumMinor").asLong()).isEqualTo(999);
        assertThat(usd.get("averageMinor").decimalValue()).isEqualByComparingTo("999.00");

        // A client's events are applied in the order they were published (same key, same partition).
        List<String> applied = jdbc.sql("SELECT event_id::text FROM inbox_processed_event WHERE record_key = ? "
                + "ORDER BY seq").param(alice).query(String.class).list();
        assertThat(applied).containsExactlyElementsOf(events.stream()
                .filter(e -> e.getClientId().equals(alice)).map(TransactionCreated::getEventId).toList());
        assertThat(counterValue(InboxProcessor.APPLIED_METRIC)).isGreaterThanOrEqualTo(5);
        assertThat(get("/actuator/prometheus").body()).contains("inbox_events_applied_total");
    }

    @Test
    void anUnknownClientIsAProblem404() throws Exception {
        HttpResponse<String> response = get("/api/v1/clients/" + client("nobody") + "/features");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(404);
        assertThat(problem.get("title").asString()).isEqualTo("Unknown client");
    }

    @Test
    void republishingTheSameEventsChangesNothing() {
        String carol = client("carol");
        List<TransactionCreated> events = List.of(event(carol, 700, "EUR", T0), event(carol, 300, "EUR", T0),
                event(carol, 42, "GBP", T0));
        send(events);
        groups.awaitCaughtUp(GROUP, TOPIC, TIMEOUT);
        var before = snapshot();
        assertThat(featureRows(carol)).hasSize(2);
        double duplicatesBefore = counterValue(InboxProcessor.DUPLICATE_METRIC);

        send(events);
        groups.awaitCaughtUp(GROUP, TOPIC, TIMEOUT);

        assertThat(counterValue(InboxProcessor.DUPLICATE_METRIC) - duplicatesBefore)
                .as("every republished event was consumed and recognised").isEqualTo(events.size());
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void rewindingTheConsumerGroupChangesNothing() {
        String dave = client("dave");
        send(List.of(event(dave, 1000, "EUR", T0), event(dave, 2000, "CHF", T0)));
        groups.awaitCaughtUp(GROUP, TOPIC, TIMEOUT);
        var before = snapshot();
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
        String erin = client("erin");
        byte[] poison = ("not confluent avro " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        kafka.sendRaw(TOPIC, erin, poison);
        send(List.of(event(erin, 123, "EUR", T0)));

        await().atMost(TIMEOUT).until(() -> sumOfCounts(erin) == 1);
        ConsumerRecord<byte[], byte[]> parked = kafka.awaitRecord(DEAD_LETTER_TOPIC,
                r -> Arrays.equals(r.value(), poison), TIMEOUT);

        assertThat(new String(parked.key(), StandardCharsets.UTF_8)).isEqualTo(erin);
        assertThat(KafkaTestClients.header(parked, "kafka_dlt-exception-fqcn")).contains("DeserializationException");
        assertThat(KafkaTestClients.header(parked, "kafka_dlt-original-topic")).isEqualTo(TOPIC);
        assertThat(KafkaTestClients.header(parked, "kafka_dlt-original-consumer-group")).isEqualTo(GROUP);
        assertThat(parked.headers().lastHeader("kafka_dlt-original-offset")).isNotNull();
    }

    @Test
    void anEventTheServiceRejectsIsParkedWithItsOriginalBytes() {
        String frank = client("frank");
        TransactionCreated invalid = event(frank, -5, "EUR", T0);
        byte[] bytes = kafka.serialize(TOPIC, invalid);
        kafka.sendRaw(TOPIC, frank, bytes);
        send(List.of(event(frank, 10, "EUR", T0)));

        await().atMost(TIMEOUT).until(() -> sumOfCounts(frank) == 1);
        ConsumerRecord<byte[], byte[]> parked = kafka.awaitRecord(DEAD_LETTER_TOPIC,
                r -> Arrays.equals(r.value(), bytes), TIMEOUT);

        assertThat(KafkaTestClients.header(parked, "kafka_dlt-exception-cause-fqcn"))
                .isEqualTo("io.banksuite.inbox.InvalidEventException");
        assertThat(featureRows(frank)).singleElement()
                .satisfies(row -> assertThat(row.get("sum_minor")).isEqualTo(10L));
        assertThat(jdbc.sql("SELECT count(*) FROM inbox_processed_event WHERE event_id = ?::uuid")
                .param(invalid.getEventId()).query(Long.class).single()).as("not marked as processed").isZero();
    }

    // --- helpers

    private record Snapshot(List<Map<String, Object>> features, long inboxRows) {
    }

    private Snapshot snapshot() {
        return new Snapshot(
                jdbc.sql("SELECT * FROM client_currency_features ORDER BY client_id, currency").query().listOfRows(),
                jdbc.sql("SELECT count(*) FROM inbox_processed_event").query(Long.class).single());
    }

    private List<Map<String, Object>> featureRows(String clientId) {
        return jdbc.sql("SELECT * FROM client_currency_features WHERE client_id = ? ORDER BY currency")
                .param(clientId).query().listOfRows();
    }

    private long sumOfCounts(String clientId) {
        return jdbc.sql("SELECT coalesce(sum(txn_count), 0) FROM client_currency_features WHERE client_id = ?")
                .param(clientId).query(Long.class).single();
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

    private static String client(String name) {
        return name + "-" + UUID.randomUUID();
    }

    private static TransactionCreated event(String clientId, long amountMinor, String currency, Instant occurredAt) {
        return TransactionCreated.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(occurredAt)
                .setTransactionId(UUID.randomUUID().toString())
                .setClientId(clientId)
                .setAmountMinor(amountMinor)
                .setCurrency(currency)
                .setType(TransactionType.PAYMENT)
                .setMerchantId("m-1")
                .setMerchantCategory("5411")
                .setMerchantCountry("DE")
                .setChannel(Channel.WEB)
                .build();
    }
}
