package io.banksuite.ml;

import static io.banksuite.inbox.testing.TransactionEvents.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.banksuite.events.TransactionCreated;
import io.banksuite.inbox.testing.InboxConsumerDriver;
import io.banksuite.inbox.testing.ServiceInfrastructure;
import io.banksuite.ml.events.TransactionCreatedListener;
import io.banksuite.schemas.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
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
    static final Duration TIMEOUT = InboxConsumerDriver.TIMEOUT;

    private static final Instant T0 = Instant.parse("2026-11-27T14:00:00Z");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceInfrastructure.register(registry, "it_ml_service");
    }

    /** Publishes to the ml-consumer group, and checks what the inbox guarantees whatever the effect. */
    @RegisterExtension
    final InboxConsumerDriver inbox = new InboxConsumerDriver(TOPIC, GROUP, DEAD_LETTER_TOPIC);

    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void topicIsTheContractTopic() {
        assertThat(TOPIC).isEqualTo(Topics.TRANSACTION_CREATED.name());
    }

    @Test
    void appliesEventsPerClientAndCurrency() throws Exception {
        String alice = client("alice");
        String bob = client("bob");
        List<TransactionCreated> events = List.of(
                payment(alice, 100, "EUR", T0),
                payment(alice, 250, "EUR", T0.plusSeconds(30)),
                payment(alice, 999, "USD", T0.plusSeconds(10)),
                payment(alice, 1, "EUR", T0.plusSeconds(20)),
                payment(bob, 5, "EUR", T0));
        inbox.publish(events);

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
        assertThat(inbox.processedEventIds(alice)).containsExactlyElementsOf(events.stream()
                .filter(e -> e.getClientId().equals(alice)).map(TransactionCreated::getEventId).toList());
        assertThat(inbox.applied()).isGreaterThanOrEqualTo(5);
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
        List<TransactionCreated> events = List.of(payment(carol, 700, "EUR", T0), payment(carol, 300, "EUR", T0),
                payment(carol, 42, "GBP", T0));
        inbox.publish(events);
        inbox.awaitCaughtUp();
        assertThat(featureRows(carol)).hasSize(2);

        inbox.assertRepublishingChangesNothing(events, this::allFeatureRows);
    }

    @Test
    void rewindingTheConsumerGroupChangesNothing() {
        String dave = client("dave");
        inbox.publish(payment(dave, 1000, "EUR", T0), payment(dave, 2000, "CHF", T0));
        inbox.awaitCaughtUp();

        inbox.assertRewindingChangesNothing(TransactionCreatedListener.LISTENER_ID, this::allFeatureRows);
    }

    @Test
    void aPoisonRecordIsDeadLetteredAndTheNextEventIsStillApplied() {
        String erin = client("erin");
        byte[] poison = inbox.publishPoison(erin);
        inbox.publish(payment(erin, 123, "EUR", T0));

        await().atMost(TIMEOUT).until(() -> sumOfCounts(erin) == 1);
        inbox.assertDeadLetteredAsUndeserializable(poison, erin);
    }

    @Test
    void anEventTheServiceRejectsIsParkedWithItsOriginalBytes() {
        String frank = client("frank");
        TransactionCreated invalid = payment(frank, -5, "EUR", T0);
        byte[] bytes = inbox.publishReturningBytes(invalid);
        inbox.publish(payment(frank, 10, "EUR", T0));

        await().atMost(TIMEOUT).until(() -> sumOfCounts(frank) == 1);
        inbox.assertDeadLetteredAsRejected(invalid, bytes);
        assertThat(featureRows(frank)).singleElement()
                .satisfies(row -> assertThat(row.get("sum_minor")).isEqualTo(10L));
    }

    // --- helpers

    private List<Map<String, Object>> allFeatureRows() {
        return jdbc.sql("SELECT * FROM client_currency_features ORDER BY client_id, currency").query().listOfRows();
    }

    private List<Map<String, Object>> featureRows(String clientId) {
        return jdbc.sql("SELECT * FROM client_currency_features WHERE client_id = ? ORDER BY currency")
                .param(clientId).query().listOfRows();
    }

    private long sumOfCounts(String clientId) {
        return jdbc.sql("SELECT coalesce(sum(txn_count), 0) FROM client_currency_features WHERE client_id = ?")
                .param(clientId).query(Long.class).single();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String client(String name) {
        return name + "-" + UUID.randomUUID();
    }
}
