package io.banksuite.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.banksuite.analytics.adapter.in.kafka.ClientEventsListener;
import io.banksuite.events.ClientStatus;
import io.banksuite.events.ClientUpdated;
import io.banksuite.events.LimitChanged;
import io.banksuite.events.TransactionCreated;
import io.banksuite.inbox.testing.ClientEvents;
import io.banksuite.inbox.testing.InboxConsumerDriver;
import io.banksuite.inbox.testing.InboxServiceTest;
import io.banksuite.inbox.testing.TransactionEvents;
import io.banksuite.schemas.Topics;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * analytics-service end to end within one JVM, on real infrastructure ({@link InboxServiceTest}): a KRaft broker,
 * the schema registry, a PostgreSQL database of its own. Every test uses an hour of event time of its own, so the
 * tests do not depend on their order.
 */
@InboxServiceTest
@TestPropertySource(properties = "analytics.api.max-range=2h")
class AnalyticsServiceIT {

    static final Duration TIMEOUT = InboxConsumerDriver.TIMEOUT;

    private static final AtomicInteger HOURS = new AtomicInteger();

    /** Publishes to the service's consumer group, and checks what the inbox guarantees whatever the effect. */
    @RegisterExtension
    final InboxConsumerDriver inbox = new InboxConsumerDriver();

    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;

    /** The start of this test's own hour of event time. */
    private final Instant base = Instant.parse("2026-01-01T00:00:00Z").plus(Duration.ofHours(HOURS.incrementAndGet()));

    @Test
    void consumesTheContractTopicAsItsOwnGroup() {
        assertThat(inbox.deadLetterTopic())
                .isEqualTo(Topics.CLIENT_EVENTS.deadLetterTopic("analytics-consumer"));
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
        inbox.publish(events);
        inbox.awaitCaughtUp();
        assertThat(totalCount(base, base.plusSeconds(60))).isEqualTo(3);

        inbox.assertRepublishingChangesNothing(events, this::allTotals);
    }

    @Test
    void rewindingTheConsumerGroupChangesNothing() {
        inbox.publish(event("c-1", 1000, "EUR", "5411", base), event("c-2", 2000, "CHF", "4111", base));
        inbox.awaitCaughtUp();
        assertThat(totalCount(base, base.plusSeconds(60))).isEqualTo(2);

        inbox.assertRewindingChangesNothing(ClientEventsListener.LISTENER_ID, this::allTotals);
    }

    @Test
    void theStreamsOtherEventTypesAddNothingAndHoldNothingUp() {
        String client = "c-other-" + UUID.randomUUID();
        inbox.publishEvent(client, ClientEvents.profile(client, 1, ClientStatus.ACTIVE, "RETAIL", base));
        inbox.publishEvent(client, ClientEvents.limits(client, 1, base, ClientEvents.limit("EUR", 100, 500)));
        inbox.publish(event(client, 77, "EUR", "5411", base));

        await().atMost(TIMEOUT).until(() -> totalCount(base, base.plusSeconds(60)) == 1);
        inbox.awaitCaughtUp();
        assertThat(inbox.ignored(ClientUpdated.getClassSchema().getFullName())).isGreaterThanOrEqualTo(1);
        assertThat(inbox.ignored(LimitChanged.getClassSchema().getFullName())).isGreaterThanOrEqualTo(1);
        assertThat(inbox.deadLettered(client)).isEmpty();
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

    private List<Map<String, Object>> allTotals() {
        return jdbc.sql("SELECT * FROM minute_totals ORDER BY minute, currency, merchant_category").query().listOfRows();
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

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return inbox.get(path);
    }

    /** A payment in {@code merchantCategory} (a dimension of the totals; null counts as UNKNOWN). */
    private static TransactionCreated event(String clientId, long amountMinor, String currency,
                                            @Nullable String merchantCategory, Instant occurredAt) {
        return TransactionEvents.paymentBuilder(clientId, amountMinor, currency, occurredAt)
                .setMerchantCategory(merchantCategory)
                .build();
    }
}
