package io.banksuite.fraud;

import static io.banksuite.inbox.testing.TransactionEvents.payment;
import static io.banksuite.inbox.testing.TransactionEvents.paymentBuilder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.banksuite.events.ClientStatus;
import io.banksuite.events.TransactionCreated;
import io.banksuite.inbox.testing.ClientEvents;
import io.banksuite.inbox.testing.InboxConsumerDriver;
import io.banksuite.inbox.testing.InboxServiceTest;
import io.banksuite.outbox.OutboxMetrics;
import io.banksuite.schemas.MessageHeaders;
import io.banksuite.schemas.RabbitTopology;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * fraud-service end to end within its own boundaries, on real infrastructure ({@link InboxServiceTest}): an in-JVM
 * KRaft Kafka broker, the Apicurio registry, PostgreSQL and RabbitMQ. Events go in through Kafka (Confluent wire
 * format), decisions come out through the REST API, alerts through a RabbitMQ queue bound to a test-only alerts
 * fanout.
 */
@InboxServiceTest
@TestPropertySource(properties = {
        "fraud.rules.amount-threshold.default=10000",
        "fraud.rules.amount-threshold.per-currency.JPY=100000",
        "fraud.rules.velocity.max-transactions=3",
        "fraud.rules.velocity.window=PT1M",
        "notification.outbox.poll-interval=PT0.1S",
        "notification.outbox.max-backoff=PT0.5S"})
class FraudServiceIT {

    private static final String PREFIX = "it-fraud-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String EXCHANGE = PREFIX + "." + RabbitTopology.FRAUD_ALERTS_EXCHANGE;
    private static final String QUEUE = PREFIX + "." + RabbitTopology.NOTIFICATION_JOBS_QUEUE;
    private static final String CHARGES = PREFIX + "." + RabbitTopology.CHARGES_EXCHANGE;
    private static final String CHARGE_QUEUE = PREFIX + "." + RabbitTopology.CHARGE_REQUESTS_QUEUE;
    private static final Instant T0 = Instant.parse("2026-11-27T14:00:00Z");

    private static CachingConnectionFactory rabbitConnections;
    private static RabbitAdmin rabbitAdmin;
    private static Binding binding;

    /** Publishes to the fraud-consumer group and reads what it dead-letters. */
    @RegisterExtension
    final InboxConsumerDriver inbox = new InboxConsumerDriver();

    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private MeterRegistry meters;
    @Autowired
    private JsonMapper json;
    private final List<Message> received = new CopyOnWriteArrayList<>();

    @DynamicPropertySource
    static void testExchange(DynamicPropertyRegistry registry) {
        registry.add("notification.exchange", () -> EXCHANGE);
        registry.add("charge.exchange", () -> CHARGES);
    }

    @BeforeAll
    static void declareTestQueue() {
        rabbitConnections = new CachingConnectionFactory("127.0.0.1", 5672);
        rabbitConnections.setUsername("guest");
        rabbitConnections.setPassword("guest");
        rabbitAdmin = new RabbitAdmin(rabbitConnections);
        // The alerts fanout, as fraud-service declares it, with one queue standing for the worker's.
        FanoutExchange exchange = new FanoutExchange(EXCHANGE, true, false);
        rabbitAdmin.declareExchange(exchange);
        rabbitAdmin.declareQueue(new Queue(QUEUE, true, false, false));
        binding = BindingBuilder.bind(new Queue(QUEUE)).to(exchange);
        rabbitAdmin.declareBinding(binding);
        // The charges exchange, as fraud-service declares it, with one queue standing for the worker's.
        DirectExchange charges = new DirectExchange(CHARGES, true, false);
        rabbitAdmin.declareExchange(charges);
        rabbitAdmin.declareQueue(new Queue(CHARGE_QUEUE, true, false, false));
        rabbitAdmin.declareBinding(BindingBuilder.bind(new Queue(CHARGE_QUEUE)).to(charges)
                .with(RabbitTopology.CHARGE_REQUEST_ROUTING_KEY));
    }

    @AfterAll
    static void deleteTestQueue() {
        rabbitAdmin.deleteQueue(QUEUE);
        rabbitAdmin.deleteExchange(EXCHANGE);
        rabbitAdmin.deleteQueue(CHARGE_QUEUE);
        rabbitAdmin.deleteExchange(CHARGES);
        rabbitConnections.destroy();
    }

    @Test
    void flywayAppliesTheLibrariesMigrationsBeforeTheServicesOwn() {
        // Shared libraries own versions 0.x (kafka-inbox 0.1, outbox 0.2, from their jars); the service's own start at 1.
        assertThat(jdbc.sql("SELECT version || ' ' || description FROM flyway_schema_history"
                        + " WHERE success AND version IS NOT NULL ORDER BY installed_rank")
                .query(String.class).list())
                .containsExactly("0.1 inbox processed event", "0.2 outbox", "2 fraud decisions", "3 client standing");
    }

    @Test
    void aCardPaymentLetThroughIsAskedToBeChargedOnceAndAFlaggedOneIsNot() throws Exception {
        String client = client();
        TransactionCreated card = paymentBuilder(client, 12_550, "EUR", T0)
                .setCardId("card-7f3a").setMerchantId("m-7").build();
        TransactionCreated flaggedCard = paymentBuilder(client, 1_000_001, "EUR", T0.plusSeconds(1))
                .setCardId("card-7f3a").build();
        TransactionCreated noCard = payment(client, 500, "EUR", T0.plusSeconds(2));
        send(card, flaggedCard, noCard);
        assertThat(awaitDecision(card).get("flagged").asBoolean()).isFalse();
        assertThat(awaitDecision(flaggedCard).get("flagged").asBoolean()).isTrue();
        assertThat(awaitDecision(noCard).get("flagged").asBoolean()).isFalse();

        RabbitTemplate template = new RabbitTemplate(rabbitConnections);
        Message request = await().atMost(Duration.ofSeconds(60)).until(() -> template.receive(CHARGE_QUEUE),
                Objects::nonNull);
        JsonNode body = json.readTree(request.getBody());
        assertThat(body.get("transactionId").asString()).isEqualTo(card.getTransactionId());
        assertThat(body.get("cardId").asString()).isEqualTo("card-7f3a");
        assertThat(body.get("amountMinor").asLong()).isEqualTo(12_550);
        assertThat(body.get("currency").asString()).isEqualTo("EUR");
        assertThat(body.get("merchantId").asString()).isEqualTo("m-7");
        assertThat(body.get("eventId").asString()).isEqualTo(card.getEventId());
        assertThat(request.getMessageProperties().getMessageId()).isEqualTo(body.get("chargeId").asString());
        assertThat(request.getMessageProperties().<Object>getHeader(MessageHeaders.TRACEPARENT))
                .isEqualTo(traceparentOf(card));
        // The flagged card payment waits for its alert's outcome, and a payment without a card is not a charge.
        awaitJob(flaggedCard);
        assertThat(template.receive(CHARGE_QUEUE, 500)).isNull();
    }

    @Test
    void anAmountOverTheThresholdIsFlaggedAndItsJobReachesRabbitMq() throws Exception {
        TransactionCreated over = payment(client(), 1_000_001, "EUR", T0);
        TransactionCreated atThreshold = payment(client(), 1_000_000, "EUR", T0);
        // JPY has no minor unit (override 100000 yen), BHD three decimals (default 10000 BHD = 10,000,000 fils).
        TransactionCreated yenOver = payment(client(), 100_001, "JPY", T0);
        TransactionCreated yenAt = payment(client(), 100_000, "JPY", T0);
        TransactionCreated dinarOver = payment(client(), 10_000_001, "BHD", T0);
        TransactionCreated dinarAt = payment(client(), 10_000_000, "BHD", T0);
        send(over, atThreshold, yenOver, yenAt, dinarOver, dinarAt);

        JsonNode flagged = awaitDecision(over);
        assertThat(flagged.get("flagged").asBoolean()).isTrue();
        assertThat(reasons(flagged)).containsExactly("AMOUNT_OVER_THRESHOLD");
        assertThat(flagged.get("eventId").asString()).isEqualTo(over.getEventId());
        assertThat(flagged.get("clientId").asString()).isEqualTo(over.getClientId());
        assertThat(awaitDecision(atThreshold).get("flagged").asBoolean()).isFalse();
        assertThat(reasons(awaitDecision(yenOver))).containsExactly("AMOUNT_OVER_THRESHOLD");
        assertThat(awaitDecision(yenAt).get("flagged").asBoolean()).isFalse();
        assertThat(reasons(awaitDecision(dinarOver))).containsExactly("AMOUNT_OVER_THRESHOLD");
        assertThat(awaitDecision(dinarAt).get("flagged").asBoolean()).isFalse();

        Message job = awaitJob(over);
        assertThat(job.getMessageProperties().getContentType()).isEqualTo("application/json");
        assertThat(job.getMessageProperties().getReceivedDeliveryMode()).isEqualTo(MessageDeliveryMode.PERSISTENT);
        JsonNode body = json.readTree(job.getBody());
        assertThat(job.getMessageProperties().getMessageId()).isEqualTo(body.get("jobId").asString());
        assertThat(UUID.fromString(body.get("jobId").asString())).isNotNull();
        assertThat(body.get("kind").asString()).isEqualTo("FRAUD_ALERT");
        assertThat(body.get("transactionId").asString()).isEqualTo(over.getTransactionId());
        assertThat(body.get("clientId").asString()).isEqualTo(over.getClientId());
        assertThat(body.get("eventId").asString()).isEqualTo(over.getEventId());
        assertThat(body.get("reasons").get(0).asString()).isEqualTo("AMOUNT_OVER_THRESHOLD");
        assertThat(Instant.parse(body.get("createdAt").asString()))
                .isEqualTo(Instant.parse(flagged.get("decidedAt").asString()));
        assertThat(job.getMessageProperties().getHeaders().get(MessageHeaders.TRACEPARENT))
                .isEqualTo(traceparentOf(over));
        awaitJob(yenOver);
        awaitJob(dinarOver);

        // A clean transaction's decision commits together with its (absent) job, so this is final.
        assertThat(outboxRowsFor(atThreshold) + outboxRowsFor(yenAt) + outboxRowsFor(dinarAt)).isZero();
        assertThat(outboxRowsFor(over)).isOne();
    }

    @Test
    void theTransactionAfterTheLimitWithinTheWindowIsFlagged() throws Exception {
        String client = client();
        // max-transactions=3 in PT1M, by event time: the 4th within a minute is flagged; a minute after the 2nd,
        // only the 3rd and 4th are still in the window.
        TransactionCreated first = payment(client, 100, "EUR", T0);
        TransactionCreated second = payment(client, 100, "EUR", T0.plusSeconds(1));
        TransactionCreated third = payment(client, 100, "EUR", T0.plusSeconds(2));
        TransactionCreated fourth = payment(client, 100, "EUR", T0.plusSeconds(3));
        TransactionCreated fifth = payment(client, 100, "EUR", T0.plusSeconds(61));
        send(first, second, third, fourth, fifth);

        assertThat(awaitDecision(first).get("flagged").asBoolean()).isFalse();
        assertThat(awaitDecision(second).get("flagged").asBoolean()).isFalse();
        assertThat(awaitDecision(third).get("flagged").asBoolean()).isFalse();
        assertThat(reasons(awaitDecision(fourth))).containsExactly("VELOCITY_LIMIT_EXCEEDED");
        assertThat(awaitDecision(fifth).get("flagged").asBoolean()).isFalse();

        JsonNode job = json.readTree(awaitJob(fourth).getBody());
        assertThat(job.get("reasons").get(0).asString()).isEqualTo("VELOCITY_LIMIT_EXCEEDED");
        assertThat(outboxRowsFor(first) + outboxRowsFor(second) + outboxRowsFor(third) + outboxRowsFor(fifth))
                .isZero();
    }

    @Test
    void aClientsTransactionsAreFlaggedWhileItIsBlockedInTheOrderItsEventsHappened() {
        String client = client();
        inbox.publishEvent(client, ClientEvents.profile(client, 1, ClientStatus.ACTIVE, "RETAIL", T0));
        TransactionCreated beforeBlock = payment(client, 10_00, "EUR", T0.plusSeconds(120));
        send(beforeBlock);
        inbox.publishEvent(client, ClientEvents.profile(client, 2, ClientStatus.BLOCKED, "RETAIL", T0.plusSeconds(240)));
        TransactionCreated whileBlocked = payment(client, 10_00, "EUR", T0.plusSeconds(360));
        send(whileBlocked);
        inbox.publishEvent(client, ClientEvents.profile(client, 3, ClientStatus.ACTIVE, "RETAIL", T0.plusSeconds(480)));
        TransactionCreated afterUnblock = payment(client, 10_00, "EUR", T0.plusSeconds(600));
        send(afterUnblock);

        assertThat(awaitDecision(afterUnblock).get("flagged").asBoolean()).isFalse();
        assertThat(awaitDecision(beforeBlock).get("flagged").asBoolean()).isFalse();
        assertThat(reasons(awaitDecision(whileBlocked))).containsExactly("CLIENT_BLOCKED");
        assertThat(json.readTree(awaitJob(whileBlocked).getBody()).get("reasons").get(0).asString())
                .isEqualTo("CLIENT_BLOCKED");
    }

    @Test
    void theLimitsInForceWhenATransactionOccurredDecideEvenIfALaterChangeArrivedFirst() {
        String client = client();
        inbox.publishEvent(client, ClientEvents.limits(client, 1, T0, ClientEvents.limit("EUR", 100_00, 250_00)));
        TransactionCreated overSingle = payment(client, 150_00, "EUR", T0.plusSeconds(120));
        TransactionCreated first = payment(client, 30_00, "EUR", T0.plusSeconds(240));
        TransactionCreated second = payment(client, 60_00, "EUR", T0.plusSeconds(360));
        TransactionCreated overDaily = payment(client, 20_00, "EUR", T0.plusSeconds(480));
        TransactionCreated otherCurrency = payment(client, 500_00, "USD", T0.plusSeconds(500));
        send(overSingle, first, second, overDaily, otherCurrency);
        // Raised limits that took effect at T0+20m reach fraud-service before a transaction from T0+10m: that one is
        // still held to the limits of T0 (a transaction committed later than its limit change, say).
        inbox.publishEvent(client, ClientEvents.limits(client, 2, T0.plusSeconds(1200),
                ClientEvents.limit("EUR", 1_000_00, 5_000_00)));
        TransactionCreated lateButEarlier = payment(client, 10_00, "EUR", T0.plusSeconds(600));
        TransactionCreated underRaised = payment(client, 900_00, "EUR", T0.plusSeconds(1260));
        send(lateButEarlier, underRaised);

        assertThat(reasons(awaitDecision(overSingle)))
                .containsExactlyInAnyOrder("SINGLE_TRANSACTION_LIMIT_EXCEEDED");
        assertThat(awaitDecision(first).get("flagged").asBoolean()).isFalse();
        assertThat(reasons(awaitDecision(second))).as("150 + 30 + 60 = 240 <= 250").isEmpty();
        assertThat(reasons(awaitDecision(overDaily))).as("260 > 250").containsExactly("DAILY_LIMIT_EXCEEDED");
        assertThat(reasons(awaitDecision(otherCurrency))).as("no limit in USD").isEmpty();
        assertThat(reasons(awaitDecision(lateButEarlier))).containsExactly("DAILY_LIMIT_EXCEEDED");
        assertThat(reasons(awaitDecision(underRaised))).isEmpty();
    }

    @Test
    void aLimitChangeTheRulesCannotTakeIsParkedAndTheStreamFlowsOn() {
        String client = client();
        inbox.publishEvent(client, ClientEvents.limits(client, 1, T0, ClientEvents.limit("ZZZ", 1, 1)));
        TransactionCreated next = payment(client, 10_00, "EUR", T0.plusSeconds(60));
        send(next);

        assertThat(awaitDecision(next).get("flagged").asBoolean()).isFalse();
        assertThat(inbox.awaitDeadLetteredWithKey(client).headers().lastHeader("kafka_dlt-exception-fqcn"))
                .isNotNull();
    }

    @Test
    void aRedeliveredEventChangesNothing() throws Exception {
        String client = client();
        TransactionCreated original = payment(client, 5_000_000, "EUR", T0);
        send(original);
        JsonNode decision = awaitDecision(original);
        Message job = awaitJob(original);
        double duplicatesBefore = inbox.duplicates();

        // The same event again (as after a crash before the offset commit), then a marker on the same key: one
        // partition, one consumer thread, so once the marker is decided the duplicate has been handled.
        TransactionCreated marker = payment(client, 6_000_000, "EUR", T0.plusSeconds(600));
        send(original, original, marker);
        awaitDecision(marker);
        awaitJob(marker);

        assertThat(awaitDecision(original)).isEqualTo(decision);
        assertThat(jdbc.sql("SELECT count(*) FROM fraud_decision WHERE transaction_id = ?::uuid")
                .param(original.getTransactionId()).query(Long.class).single()).isOne();
        assertThat(jdbc.sql("SELECT count(*) FROM client_activity WHERE transaction_id = ?::uuid")
                .param(original.getTransactionId()).query(Long.class).single()).isOne();
        assertThat(outboxRowsFor(original)).isOne();
        // Jobs are published in outbox order: a second job for the original would have come before the marker's.
        assertThat(jobsFor(original)).hasSize(1).first().satisfies(m ->
                assertThat(m.getMessageProperties().getMessageId()).isEqualTo(job.getMessageProperties().getMessageId()));
        // The inbox counted both copies as duplicates (on the listener thread, before it took the marker).
        assertThat(inbox.duplicates()).isEqualTo(duplicatesBefore + 2);
    }

    @Test
    void aJobThatRabbitMqCannotRouteStaysInTheOutboxUntilAQueueIsBound() throws Exception {
        rabbitAdmin.removeBinding(binding);
        TransactionCreated flagged;
        try {
            flagged = payment(client(), 9_999_999, "EUR", T0);
            send(flagged);
            awaitDecision(flagged);
            // Published with mandatory=true and returned unroutable: the row records failed attempts, stays unsent.
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(outboxRow(flagged))
                    .hasValueSatisfying(row -> {
                        assertThat(row.attempts()).isGreaterThanOrEqualTo(2);
                        assertThat(row.sentAt()).isNull();
                        assertThat(row.lastError()).contains("returned unroutable");
                    }));
            assertThat(drain()).noneMatch(m -> isJobFor(m, flagged));
            assertThat(meters.get("outbox.backlog").tag("outbox", OutboxMetrics.NOTIFICATION_JOBS).gauge().value())
                    .isGreaterThanOrEqualTo(1.0);
            assertThat(meters.get("outbox.publish.failures").tag("cause", "returned").counter().count())
                    .isGreaterThanOrEqualTo(2.0);
        } finally {
            rabbitAdmin.declareBinding(binding);
        }

        awaitJob(flagged);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(outboxRow(flagged)).hasValueSatisfying(row -> assertThat(row.sentAt()).isNotNull()));
    }

    @Test
    void anEventInAnUnknownCurrencyIsDeadLetteredWithoutADecision() throws Exception {
        TransactionCreated unknown = payment(client(), 100, "ZZZ", T0);
        send(unknown);

        inbox.awaitDeadLetteredWithKey(unknown.getClientId());
        // Dead-lettered only after its transaction rolled back, and its offset is committed: no decision, ever.
        assertThat(get("/api/v1/fraud/decisions/" + unknown.getTransactionId()).statusCode()).isEqualTo(404);
        assertThat(outboxRowsFor(unknown)).isZero();
    }

    @Test
    void unknownDecisionsAreProblemDetails() throws Exception {
        HttpResponse<String> response = get("/api/v1/fraud/decisions/" + UUID.randomUUID());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(json.readTree(response.body()).get("status").asInt()).isEqualTo(404);

        assertThat(get("/api/v1/fraud/decisions/not-a-uuid").statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/fraud/decisions?limit=0").statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/fraud/decisions?limit=501").statusCode()).isEqualTo(400);
    }

    @Test
    void listsFlaggedDecisionsNewestFirstAndBounded() throws Exception {
        TransactionCreated flagged = payment(client(), 2_000_000, "EUR", T0);
        TransactionCreated clean = payment(client(), 100, "EUR", T0);
        send(flagged, clean);
        awaitDecision(flagged);
        awaitDecision(clean);

        JsonNode onlyFlagged = json.readTree(get("/api/v1/fraud/decisions?flagged=true&limit=500").body());
        List<String> ids = new ArrayList<>();
        onlyFlagged.forEach(d -> {
            assertThat(d.get("flagged").asBoolean()).isTrue();
            ids.add(d.get("transactionId").asString());
        });
        assertThat(ids).contains(flagged.getTransactionId()).doesNotContain(clean.getTransactionId());

        JsonNode onlyClean = json.readTree(get("/api/v1/fraud/decisions?flagged=false").body());
        onlyClean.forEach(d -> assertThat(d.get("flagged").asBoolean()).isFalse());

        assertThat(json.readTree(get("/api/v1/fraud/decisions?limit=1").body()).size()).isEqualTo(1);
    }

    @Test
    void exposesDecisionAndBacklogMetrics() throws Exception {
        TransactionCreated flagged = payment(client(), 3_000_000, "EUR", T0);
        send(flagged);
        awaitDecision(flagged);
        awaitJob(flagged);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                meters.get("fraud.decisions").tag("flagged", "true").counter().count() >= 1);
        String scrape = get("/actuator/prometheus").body();
        assertThat(scrape).contains("fraud_decisions_total{").contains("flagged=\"true\"")
                .contains("outbox_backlog_rows{").contains("outbox=\"notification-jobs\"")
                .contains("outbox_published_total{");
        assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
    }

    // --- helpers

    private static String client() {
        return "c-" + UUID.randomUUID();
    }

    /** A traceparent derived from the event, as the outbox relay would set it. */
    private static String traceparentOf(TransactionCreated event) {
        String hex = event.getEventId().replace("-", "");
        return "00-" + hex + "-" + hex.substring(0, 16) + "-01";
    }

    /** Publishes the events, each with the traceparent the outbox relay would give it. */
    private void send(TransactionCreated... events) {
        for (TransactionCreated event : events) {
            inbox.publish(event, Map.of(MessageHeaders.TRACEPARENT, traceparentOf(event)));
        }
    }

    private JsonNode awaitDecision(TransactionCreated event) {
        String path = "/api/v1/fraud/decisions/" + event.getTransactionId();
        return await().atMost(Duration.ofSeconds(60)).until(() -> {
            HttpResponse<String> response = get(path);
            return response.statusCode() == 200 ? json.readTree(response.body()) : null;
        }, decision -> decision != null);
    }

    private Message awaitJob(TransactionCreated event) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> {
            drain();
            return jobsFor(event).stream().findFirst().orElse(null);
        }, job -> job != null);
    }

    private List<Message> jobsFor(TransactionCreated event) {
        drain();
        return received.stream().filter(m -> isJobFor(m, event)).toList();
    }

    private boolean isJobFor(Message message, TransactionCreated event) {
        return event.getTransactionId().equals(json.readTree(message.getBody()).get("transactionId").asString());
    }

    /** Moves every message waiting in the test queue into {@link #received}. */
    private List<Message> drain() {
        RabbitTemplate template = new RabbitTemplate(rabbitConnections);
        Message message;
        while ((message = template.receive(QUEUE)) != null) {
            received.add(message);
        }
        return received;
    }

    private long outboxRowsFor(TransactionCreated event) {
        return jdbc.sql("SELECT count(*) FROM outbox WHERE convert_from(payload, 'UTF8')::jsonb ->> 'transactionId' = ?")
                .param(event.getTransactionId()).query(Long.class).single();
    }

    private Optional<OutboxRow> outboxRow(TransactionCreated event) {
        return jdbc.sql("""
                        SELECT attempts, sent_at, last_error FROM outbox
                        WHERE convert_from(payload, 'UTF8')::jsonb ->> 'transactionId' = ?""")
                .param(event.getTransactionId())
                .query((rs, n) -> new OutboxRow(rs.getInt("attempts"),
                        rs.getTimestamp("sent_at") == null ? null : rs.getTimestamp("sent_at").toInstant(),
                        rs.getString("last_error")))
                .optional();
    }

    private static List<String> reasons(JsonNode decision) {
        List<String> reasons = new ArrayList<>();
        decision.get("reasons").forEach(r -> reasons.add(r.asString()));
        return reasons;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return inbox.get(path);
    }

    private record OutboxRow(int attempts, Instant sentAt, String lastError) {
    }
}
