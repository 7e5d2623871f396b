package io.banksuite.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.clickhouse.client.api.Client;
import io.banksuite.analytics.adapter.in.kafka.ClientEventsListener;
import io.banksuite.analytics.application.EventArchive;
import io.banksuite.analytics.domain.TimeRange;
import io.banksuite.events.ClientStatus;
import io.banksuite.events.TransactionCreated;
import io.banksuite.inbox.testing.ClientEvents;
import io.banksuite.inbox.testing.InboxConsumerDriver;
import io.banksuite.inbox.testing.InboxServiceTest;
import io.banksuite.inbox.testing.TransactionEvents;
import io.banksuite.local.ClickHouseServer;
import io.banksuite.schemas.Topics;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * analytics-service end to end within one JVM, on real infrastructure ({@link InboxServiceTest}): a KRaft broker,
 * the schema registry, and a real ClickHouse server (Debian's) with a database of this test's own. Every test uses
 * an hour of event time of its own, so the tests do not depend on their order.
 */
@InboxServiceTest
@TestPropertySource(properties = {
        "analytics.api.max-range=2h",
        "analytics.api.max-country-range=31d",
        // A hung ClickHouse fails an insert quickly, so that the outage test is short.
        "analytics.clickhouse.socket-timeout=2s"})
class AnalyticsServiceIT {

    static final Duration TIMEOUT = InboxConsumerDriver.TIMEOUT;

    private static final AtomicInteger HOURS = new AtomicInteger();
    private static final String DATABASE = "it_analytics_" + UUID.randomUUID().toString().substring(0, 8);

    /** Publishes to the service's consumer group, and checks what the inbox guarantees whatever the effect. */
    @RegisterExtension
    final InboxConsumerDriver inbox = new InboxConsumerDriver();

    @Autowired
    EventArchive archive;
    @Autowired
    Client clickHouse;
    @Autowired
    JsonMapper json;

    /** The start of this test's own hour of event time. */
    private final Instant base = Instant.parse("2026-01-01T00:00:00Z").plus(Duration.ofHours(HOURS.incrementAndGet()));

    @DynamicPropertySource
    static void clickHouse(DynamicPropertyRegistry registry) {
        registry.add("analytics.clickhouse.url", () -> ClickHouseServer.shared().url());
        registry.add("analytics.clickhouse.database", () -> DATABASE);
    }

    @Test
    void consumesTheContractTopicAsItsOwnGroupAndSaysSo() throws Exception {
        assertThat(inbox.deadLetterTopic()).isEqualTo(Topics.CLIENT_EVENTS.deadLetterTopic("analytics-consumer"));
        JsonNode info = json.readTree(get("/actuator/info").body()).get("inbox");
        assertThat(info.get("topic").asString()).isEqualTo(Topics.CLIENT_EVENTS_NAME);
        assertThat(info.get("group").asString()).isEqualTo(inbox.group());
        JsonNode health = json.readTree(get("/actuator/health").body());
        assertThat(health.get("status").asString()).isEqualTo("UP");
    }

    @Test
    void sumsPerMinuteCurrencyAndCategory() throws Exception {
        inbox.publish(
                event("c-1", 100, "EUR", "5411", base),
                event("c-2", 50, "EUR", "5411", base.plusSeconds(59).plusNanos(999_999_000)),
                event("c-1", 7, "EUR", "5411", base.plusSeconds(60)),
                event("c-3", 999, "USD", "5411", base.plusSeconds(10)),
                event("c-1", 3, "EUR", null, base.plusSeconds(20)),
                event("c-2", 1, "EUR", "5812", base.plusSeconds(30)));

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

        // [from, to): the second minute only; and exact to the microsecond at the edges.
        HttpResponse<String> second = get("/api/v1/analytics/minutes?from=" + m1 + "&to=" + base.plusSeconds(120));
        assertThat(rows(json.readTree(second.body()))).containsExactly(m1 + " EUR 5411 1 7");
        HttpResponse<String> firstMinuteButTheLast = get("/api/v1/analytics/minutes?from=" + base + "&to="
                + base.plusSeconds(59).plusNanos(999_999_000));
        assertThat(rows(json.readTree(firstMinuteButTheLast.body()))).first().isEqualTo(m0 + " EUR 5411 1 100");
        assertThat(get("/actuator/prometheus").body()).contains("inbox_events_applied_total{");
    }

    @Test
    void sumsPerMerchantCountryOverARange() throws Exception {
        inbox.publish(
                withCountry(event("c-1", 100, "EUR", "5411", base), "DE"),
                withCountry(event("c-2", 250, "EUR", "5411", base.plusSeconds(3600 * 24 * 3)), "DE"),
                withCountry(event("c-3", 40, "EUR", "5812", base.plusSeconds(5)), "FR"),
                withCountry(event("c-3", 9, "USD", "5812", base.plusSeconds(6)), "FR"),
                event("c-4", 1, "EUR", null, base.plusSeconds(7)));
        Instant to = base.plus(Duration.ofDays(7));
        await().atMost(TIMEOUT).until(() -> archive.countryTotals(new TimeRange(base, to)).stream()
                .mapToLong(total -> total.count()).sum() == 5);

        HttpResponse<String> response = get("/api/v1/analytics/countries?from=" + base + "&to=" + to);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body()).valueStream().map(n -> n.get("merchantCountry").asString() + " "
                + n.get("currency").asString() + " " + n.get("count").asLong() + " " + n.get("amountMinor").asLong())
                .toList()).containsExactly("DE EUR 2 350", "FR EUR 1 40", "FR USD 1 9", "UNKNOWN EUR 1 1");
        assertProblem(get("/api/v1/analytics/countries?from=" + base + "&to=" + base.plus(Duration.ofDays(32))), 400);
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
    void everyEventOfEveryTypeIsKept() {
        String client = "c-all-" + UUID.randomUUID();
        inbox.publishEvent(client, ClientEvents.profile(client, 1, ClientStatus.BLOCKED, "PREMIUM", base));
        inbox.publishEvent(client, ClientEvents.limits(client, 1, base, ClientEvents.limit("EUR", 100, 500)));
        inbox.publish(event(client, 77, "EUR", "5411", base.plusSeconds(1)));

        await().atMost(TIMEOUT).until(() -> eventTypesOf(client).size() == 3);
        assertThat(eventTypesOf(client)).containsExactlyInAnyOrder(
                "client.updated\t1", "limit.changed\t1", "transaction.created\t1");
        assertThat(sql("SELECT payload FROM " + DATABASE + ".client_events FINAL WHERE client_id = '" + client
                + "' AND event_type = 'client.updated' FORMAT TabSeparatedRaw")).contains("BLOCKED", "PREMIUM");
        assertThat(totalCount(base, base.plusSeconds(60))).isEqualTo(1);
        assertThat(inbox.deadLettered(client)).isEmpty();
    }

    @Test
    void republishingTheSameEventsChangesNothing() {
        List<TransactionCreated> events = List.of(event("c-1", 700, "EUR", "5411", base),
                event("c-2", 300, "EUR", "5411", base.plusSeconds(1)), event("c-1", 42, "GBP", null, base));
        inbox.publish(events);
        inbox.awaitCaughtUp();
        assertThat(totalCount(base, base.plusSeconds(60))).isEqualTo(3);
        var before = totals();
        double appliedBefore = inbox.applied();

        inbox.publish(events);
        inbox.awaitCaughtUp();

        assertThat(inbox.applied() - appliedBefore).as("every copy was written again").isGreaterThanOrEqualTo(3);
        assertThat(totals()).isEqualTo(before);
        assertThat(rowsOf(events.get(0))).as("one row per event id, whatever was written").isEqualTo(1);
    }

    @Test
    void rewindingTheConsumerGroupChangesNothing() {
        inbox.publish(event("c-1", 1000, "EUR", "5411", base), event("c-2", 2000, "CHF", "4111", base));
        inbox.awaitCaughtUp();
        assertThat(totalCount(base, base.plusSeconds(60))).isEqualTo(2);
        var before = totals();
        double appliedBefore = inbox.applied();

        inbox.rewindToStart(ClientEventsListener.LISTENER_ID);
        inbox.awaitCaughtUp();

        assertThat(inbox.applied() - appliedBefore).as("the rewound events were written again")
                .isGreaterThanOrEqualTo(2);
        assertThat(totals()).isEqualTo(before);
    }

    @Test
    void aHungClickHouseLosesNothingAndCommitsNothingUntilItAnswers() throws Exception {
        ClickHouseServer server = ClickHouseServer.shared();
        server.suspend();
        try {
            inbox.publish(event("c-5", 1, "EUR", "5411", base), event("c-6", 2, "EUR", "5411", base.plusSeconds(1)),
                    event("c-5", 3, "EUR", "5411", base.plusSeconds(2)));
            // Several inserts time out (2 s each) and are retried; the group commits nothing meanwhile.
            await().atMost(TIMEOUT).until(() -> get("/actuator/health").statusCode() == 503);
            Thread.sleep(5_000);
            assertThat(inbox.lag()).as("nothing committed while ClickHouse does not answer").isGreaterThanOrEqualTo(3);
        } finally {
            server.resume();
        }

        await().atMost(TIMEOUT).until(() -> totalCount(base, base.plusSeconds(60)) == 3);
        inbox.awaitCaughtUp();
        assertThat(totals()).singleElement().satisfies(total -> assertThat(total.amountMinor()).isEqualTo(6));
        assertThat(inbox.deadLettered("c-5")).isEmpty();
    }

    @Test
    void aPoisonRecordIsDeadLetteredAndTheNextEventIsStillApplied() {
        byte[] poison = inbox.publishPoison("c-9");
        inbox.publish(event("c-9", 123, "EUR", "5411", base));

        await().atMost(TIMEOUT).until(() -> totalCount(base, base.plusSeconds(60)) == 1);
        inbox.assertDeadLetteredAsUndeserializable(poison, "c-9");
    }

    @Test
    void anEventTheServiceRejectsIsParkedWithItsOriginalBytes() {
        TransactionCreated invalid = event("c-8", 5, "euro", "5411", base);
        byte[] bytes = inbox.publishReturningBytes(invalid);
        inbox.publish(event("c-8", 10, "EUR", "5411", base));

        await().atMost(TIMEOUT).until(() -> totalCount(base, base.plusSeconds(60)) == 1);
        inbox.assertDeadLetteredAsRejected(invalid, bytes);
    }

    // --- helpers

    /** This test's hour, as the API's totals. */
    private List<io.banksuite.analytics.domain.MinuteTotal> totals() {
        return archive.minuteTotals(new TimeRange(base, base.plus(Duration.ofHours(1))));
    }

    private long totalCount(Instant from, Instant to) {
        return archive.minuteTotals(new TimeRange(from, to)).stream().mapToLong(total -> total.count()).sum();
    }

    /** The rows of the event as every query reads them (FINAL: copies collapsed). */
    private long rowsOf(TransactionCreated event) {
        return Long.parseLong(sql("SELECT count() FROM " + DATABASE + ".client_events FINAL WHERE event_id = '"
                + event.getEventId() + "' FORMAT TabSeparated").trim());
    }

    private List<String> eventTypesOf(String client) {
        return sql("SELECT event_type, count() FROM " + DATABASE + ".client_events FINAL WHERE client_id = '" + client
                + "' GROUP BY event_type FORMAT TabSeparated").lines().filter(line -> !line.isBlank()).toList();
    }

    private String sql(String query) {
        try (var response = clickHouse.query(query).get(10, TimeUnit.SECONDS)) {
            return new String(response.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException("ClickHouse query failed: " + query, e);
        }
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

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return inbox.get(path);
    }

    /** A payment in {@code merchantCategory} (a dimension of the totals; null counts as UNKNOWN). */
    private static TransactionCreated event(String clientId, long amountMinor, String currency,
                                            @Nullable String merchantCategory, Instant occurredAt) {
        return TransactionEvents.paymentBuilder(clientId, amountMinor, currency, occurredAt)
                .setMerchantCategory(merchantCategory)
                .setMerchantCountry(null)
                .build();
    }

    private static TransactionCreated withCountry(TransactionCreated event, String country) {
        return TransactionCreated.newBuilder(event).setMerchantCountry(country).build();
    }
}
