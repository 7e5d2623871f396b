package io.banksuite.ml;

import static io.banksuite.inbox.testing.TransactionEvents.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.banksuite.events.ClientStatus;
import io.banksuite.events.LimitChanged;
import io.banksuite.events.TransactionCreated;
import io.banksuite.inbox.testing.ClientEvents;
import io.banksuite.inbox.testing.InboxConsumerDriver;
import io.banksuite.inbox.testing.InboxServiceTest;
import io.banksuite.ml.adapter.in.kafka.ClientEventsListener;
import io.banksuite.schemas.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * ml-service end to end within one JVM, on real infrastructure ({@link InboxServiceTest}): a KRaft broker, the
 * schema registry, a PostgreSQL database of its own. Every test uses clients of its own, so the tests do not
 * depend on their order.
 */
@InboxServiceTest
@TestPropertySource(properties = MlServiceIT.STATE_DIR)
class MlServiceIT {

    static final Duration TIMEOUT = InboxConsumerDriver.TIMEOUT;

    /**
     * The daily-spend stream's state of this test run only: state left by an earlier run would describe another
     * broker. One value for every test of the service, so that they share one application context.
     */
    static final String STATE_DIR = "ml.daily-spend.stream.state-dir=target/kafka-streams/${random.uuid}";

    /**
     * Yesterday, 14:00 UTC: within the daily-spend stream's retention whenever the test runs (a fixed date would be
     * parked by it as too old one day), and with seconds to spare before midnight on either side.
     */
    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(1, ChronoUnit.DAYS)
            .plus(14, ChronoUnit.HOURS);

    /** Publishes to the service's consumer group, and checks what the inbox guarantees whatever the effect. */
    @RegisterExtension
    final InboxConsumerDriver inbox = new InboxConsumerDriver();

    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;

    @Test
    void consumesTheContractTopicAsItsOwnGroupAndSaysSo() throws Exception {
        assertThat(inbox.deadLetterTopic()).isEqualTo(Topics.CLIENT_EVENTS.deadLetterTopic("ml-consumer"));

        JsonNode info = json.readTree(get("/actuator/info").body()).get("inbox");
        assertThat(info.get("topic").asString()).isEqualTo(Topics.CLIENT_EVENTS_NAME);
        assertThat(info.get("group").asString()).isEqualTo(inbox.group());
        assertThat(info.get("deadLetterTopic").asString()).isEqualTo(inbox.deadLetterTopic());
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
    void theClientsLatestSegmentAndStatusJoinEveryCurrencysFeatures() throws Exception {
        String grace = client("grace");
        inbox.publish(payment(grace, 100, "EUR", T0));
        inbox.awaitCaughtUp();
        JsonNode before = json.readTree(get("/api/v1/clients/" + grace + "/features").body()).get(0);
        assertThat(before.has("segment")).as("no profile yet").isFalse();

        inbox.publishEvent(grace, ClientEvents.profile(grace, 2, ClientStatus.BLOCKED, "PREMIUM", T0.plusSeconds(60)));
        // An older version arriving later (a replayed event, say) changes nothing.
        inbox.publishEvent(grace, ClientEvents.profile(grace, 1, ClientStatus.ACTIVE, "RETAIL", T0));
        inbox.publish(payment(grace, 200, "USD", T0.plusSeconds(120)));
        await().atMost(TIMEOUT).until(() -> featureRows(grace).size() == 2);
        inbox.awaitCaughtUp();

        JsonNode body = json.readTree(get("/api/v1/clients/" + grace + "/features").body());
        assertThat(body.size()).isEqualTo(2);
        for (JsonNode currency : body) {
            assertThat(currency.get("segment").asString()).isEqualTo("PREMIUM");
            assertThat(currency.get("status").asString()).isEqualTo("BLOCKED");
        }
        assertThat(jdbc.sql("SELECT version FROM client_profile WHERE client_id = ?").param(grace)
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void limitChangesOnTheStreamAreNotFeaturesAndHoldNothingUp() {
        String frank = client("frank");
        inbox.publishEvent(frank, ClientEvents.limits(frank, 1, T0, ClientEvents.limit("EUR", 100, 500)));
        inbox.publish(payment(frank, 40, "EUR", T0));

        await().atMost(TIMEOUT).until(() -> sumOfCounts(frank) == 1);
        inbox.awaitCaughtUp();
        assertThat(inbox.ignored(LimitChanged.getClassSchema().getFullName())).isGreaterThanOrEqualTo(1);
        assertThat(inbox.deadLettered(frank)).isEmpty();
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

        inbox.assertRewindingChangesNothing(ClientEventsListener.LISTENER_ID, this::allFeatureRows);
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
        return inbox.get(path);
    }

    private static String client(String name) {
        return name + "-" + UUID.randomUUID();
    }
}
