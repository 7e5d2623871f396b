package io.banksuite.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.banksuite.local.CardProcessorSimulator;
import io.banksuite.local.PostgresDatabases;
import io.banksuite.notification.support.PrefixedTopology;
import io.banksuite.runtime.rabbit.QueueHeaders;
import io.banksuite.schemas.MessageHeaders;
import io.banksuite.schemas.RabbitTopology;
import io.banksuite.schemas.charge.ChargeRequest;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The charge queue against the real RabbitMQ, PostgreSQL and the suite's card processor simulator (a real HTTP
 * server): each outcome, the 60 s retries (shortened here to 300 ms) three times then the DLQ with a FAILED
 * outcome, and a card never charged twice, even when the worker loses what the processor answered. Each outcome is
 * published once, through the worker's outbox, to the charge outcomes exchange (a queue of the test's own stands in
 * for transaction-service's).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext
class ChargeQueueIT {

    private static final String PREFIX = "it-charge-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    private static final PrefixedTopology TOPOLOGY = new PrefixedTopology(PREFIX);
    private static final String EXCHANGE = PREFIX + RabbitTopology.CHARGES_EXCHANGE;
    private static final String QUEUE = PREFIX + RabbitTopology.CHARGE_REQUESTS_QUEUE;
    private static final String RETRY = PREFIX + RabbitTopology.CHARGE_RETRY_TIERS.get(0).queue();
    private static final String DLQ = PREFIX + RabbitTopology.CHARGES_DEAD_LETTER_QUEUE;
    private static final String OUTCOMES = PREFIX + RabbitTopology.TRANSACTION_CHARGE_OUTCOMES_QUEUE;
    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static final CardProcessorSimulator PROCESSOR = CardProcessorSimulator.start(0);
    private static final String DATABASE_URL = PostgresDatabases.recreate("it_notification_worker_charges");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DATABASE_URL);
        // Every queue under the test's prefix, so that nothing of the suite's own is touched.
        TOPOLOGY.register(registry, (queue, tier) -> "300ms");
        registry.add("worker.consumer.requeue-delay", () -> "100ms");
        registry.add("charge.processor.url", PROCESSOR::url);
    }

    @Autowired
    private RabbitTemplate rabbitTemplate;
    @Autowired
    private RabbitAdmin amqpAdmin;
    @Autowired
    private List<SimpleMessageListenerContainer> containers;
    @Autowired
    private MeterRegistry meters;
    @Autowired
    private JsonMapper json;
    @Autowired
    private JdbcTemplate jdbc;
    @LocalServerPort
    private int port;

    private RestClient api;
    /** Every outcome published so far, by transaction id, in the order they arrived. */
    private final Map<UUID, List<JsonNode>> published = new ConcurrentHashMap<>();

    @BeforeAll
    void createApiClientAndOutcomesQueue() {
        api = RestClient.builder().baseUrl("http://127.0.0.1:" + port).build();
        // The worker declared the exchange on start-up; until a queue is bound, its outcomes wait in the outbox.
        amqpAdmin.declareQueue(new Queue(OUTCOMES, false, false, true));
        amqpAdmin.declareBinding(BindingBuilder.bind(new Queue(OUTCOMES))
                .to(new DirectExchange(PREFIX + RabbitTopology.CHARGE_OUTCOMES_EXCHANGE))
                .with(RabbitTopology.CHARGE_OUTCOME_ROUTING_KEY));
    }

    @AfterAll
    void deleteBrokerObjects() {
        containers.forEach(SimpleMessageListenerContainer::stop);
        TOPOLOGY.delete(amqpAdmin);
        amqpAdmin.deleteQueue(OUTCOMES);
        PROCESSOR.close();
    }

    @Test
    void aGoodCardIsChargedOnceAndSettles() {
        ChargeRequest request = request("card-good-1");

        publish(request);

        JsonNode outcome = awaitOutcome(request.transactionId());
        assertThat(outcome.get("status").asString()).isEqualTo("SETTLED");
        assertThat(outcome.get("processorReference").asString()).startsWith("ch_");
        assertThat(outcome.get("attempts").asInt()).isEqualTo(1);
        assertThat(outcome.get("traceId").asString()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(outcome.get("amountMinor").asLong()).isEqualTo(12_550);
        assertThat(PROCESSOR.charges(key(request))).isEqualTo(1);

        // The same request again (fraud's outbox republished it): no call to the processor at all.
        double skipped = counter("charge.jobs.duplicates_skipped", Map.of());
        publish(request);
        await().atMost(WAIT).until(() -> counter("charge.jobs.duplicates_skipped", Map.of()) > skipped);
        assertThat(PROCESSOR.calls(key(request))).isEqualTo(1);
        JsonNode announced = awaitPublishedOutcome(request);
        assertThat(announced.get("status").asString()).isEqualTo("SETTLED");
        assertThat(announced.get("processorReference").asString())
                .isEqualTo(outcome.get("processorReference").asString());
        assertThat(announced.get("clientId").asString()).isEqualTo("c-1");
    }

    @Test
    void aChargeThatFailsTwiceIsRetriedThroughTheDelayQueueAndSettlesOnTheThirdAttempt() {
        ChargeRequest request = request("card-fails-2-a");
        double retriedBefore = counter("charge.jobs.retried", Map.of("tier", "60s-1"))
                + counter("charge.jobs.retried", Map.of("tier", "60s-2"));

        publish(request);

        JsonNode outcome = awaitOutcome(request.transactionId());
        assertThat(outcome.get("status").asString()).isEqualTo("SETTLED");
        assertThat(outcome.get("attempts").asInt()).isEqualTo(3);
        assertThat(awaitPublishedOutcome(request).get("attempts").asInt()).isEqualTo(3);
        assertThat(PROCESSOR.calls(key(request))).isEqualTo(3);
        assertThat(PROCESSOR.charges(key(request))).isEqualTo(1);
        assertThat(counter("charge.jobs.retried", Map.of("tier", "60s-1"))
                + counter("charge.jobs.retried", Map.of("tier", "60s-2"))).isEqualTo(retriedBefore + 2);
    }

    @Test
    void aChargeThatAlwaysFailsIsRetriedThreeTimesThenFailsAndIsParked() {
        ChargeRequest request = request("card-down-b");

        publish(request);

        Message dead = await().atMost(WAIT).until(() -> rabbitTemplate.receive(DLQ), Objects::nonNull);
        MessageProperties properties = dead.getMessageProperties();
        assertThat(properties.getMessageId()).isEqualTo(request.chargeId().toString());
        assertThat(properties.<Object>getHeader(QueueHeaders.FAILURE_CLASS)).isEqualTo("TRANSIENT");
        assertThat(properties.<Object>getHeader(QueueHeaders.ATTEMPTS)).isEqualTo(4);
        assertThat(properties.<Object>getHeader(QueueHeaders.ORIGINAL_QUEUE)).isEqualTo(QUEUE);
        // The broker's record: it expired from the one 60 s delay queue three times.
        assertThat(properties.getXDeathHeader()).singleElement().satisfies(death -> {
            assertThat(String.valueOf(death.get("queue"))).isEqualTo(RETRY);
            assertThat(death.get("count")).isEqualTo(3L);
        });
        JsonNode outcome = awaitOutcome(request.transactionId());
        assertThat(outcome.get("status").asString()).isEqualTo("FAILED");
        assertThat(outcome.get("attempts").asInt()).isEqualTo(4);
        assertThat(outcome.get("reason").asString()).contains("HTTP 503", "retries exhausted");
        JsonNode announced = awaitPublishedOutcome(request);
        assertThat(announced.get("status").asString()).isEqualTo("FAILED");
        assertThat(announced.get("processorReference").isNull()).isTrue();
        assertThat(PROCESSOR.calls(key(request))).isEqualTo(4);
        assertThat(PROCESSOR.charges(key(request))).isZero();
    }

    @Test
    void aDeclinedChargeIsAnOutcomeAtOnceWithoutRetries() {
        ChargeRequest request = request("card-declined-c");

        publish(request);

        JsonNode outcome = awaitOutcome(request.transactionId());
        assertThat(outcome.get("status").asString()).isEqualTo("DECLINED");
        assertThat(outcome.get("reason").asString()).isEqualTo("card_declined");
        assertThat(outcome.get("attempts").asInt()).isEqualTo(1);
        assertThat(awaitPublishedOutcome(request).get("status").asString()).isEqualTo("DECLINED");
        assertThat(PROCESSOR.calls(key(request))).isEqualTo(1);
        assertThat(PROCESSOR.charges(key(request))).isZero();
    }

    @Test
    void aChargeWhoseOutcomeTheWorkerCouldNotRecordIsAskedAgainWithTheSameKeyAndNotChargedTwice() {
        ChargeRequest request = request("card-good-d");
        // The processor takes the money, and the worker cannot write what it answered (as if it died right then):
        // the message goes back to the queue, and each delivery calls the processor again with the same key.
        // (A trigger refuses the insert; reading the table still works, so the worker does call the processor.)
        jdbc.execute("CREATE FUNCTION refuse_charges() RETURNS trigger LANGUAGE plpgsql AS "
                + "$$ BEGIN RAISE EXCEPTION 'disk full'; END; $$");
        jdbc.execute("CREATE TRIGGER refuse_charges BEFORE INSERT ON card_charge FOR EACH ROW "
                + "EXECUTE FUNCTION refuse_charges()");
        try {
            publish(request);
            await().atMost(WAIT).until(() -> PROCESSOR.calls(key(request)) >= 2);
        } finally {
            jdbc.execute("DROP TRIGGER refuse_charges ON card_charge");
            jdbc.execute("DROP FUNCTION refuse_charges()");
        }

        JsonNode outcome = awaitOutcome(request.transactionId());
        assertThat(outcome.get("status").asString()).isEqualTo("SETTLED");
        assertThat(PROCESSOR.calls(key(request))).isGreaterThanOrEqualTo(2);
        assertThat(PROCESSOR.charges(key(request))).as("charged once, whatever the worker lost").isEqualTo(1);
        assertThat(awaitPublishedOutcome(request).get("status").asString()).isEqualTo("SETTLED");
    }

    @Test
    void aRequestThatIsNotAChargeIsParkedAsPoison() {
        publish("{\"chargeId\":\"" + UUID.randomUUID() + "\",\"amountMinor\":-5}", "poison-" + UUID.randomUUID());

        Message dead = await().atMost(WAIT).until(() -> rabbitTemplate.receive(DLQ), Objects::nonNull);
        assertThat(dead.getMessageProperties().<Object>getHeader(QueueHeaders.FAILURE_CLASS))
                .isEqualTo("POISON");
        assertThat(dead.getMessageProperties().<Object>getHeader(QueueHeaders.FAILURE_REASON).toString())
                .contains("not a valid charge request");
    }

    private static ChargeRequest request(String cardId) {
        return new ChargeRequest(UUID.randomUUID(), UUID.randomUUID(), "c-1", cardId, 12_550, "EUR", "m-1",
                UUID.randomUUID(), Instant.parse("2026-12-01T10:15:30Z"));
    }

    private static String key(ChargeRequest request) {
        return request.transactionId().toString();
    }

    private void publish(ChargeRequest request) {
        publish(json.writeValueAsString(request), request.chargeId().toString());
    }

    private void publish(String body, String messageId) {
        MessageProperties properties = new MessageProperties();
        properties.setMessageId(messageId);
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        properties.setHeader(MessageHeaders.TRACEPARENT, TRACEPARENT);
        rabbitTemplate.send(EXCHANGE, RabbitTopology.CHARGE_REQUEST_ROUTING_KEY,
                new Message(body.getBytes(StandardCharsets.UTF_8), properties));
    }

    private JsonNode awaitOutcome(UUID transactionId) {
        return await().atMost(WAIT).until(() -> outcome(transactionId), Optional::isPresent).orElseThrow();
    }

    private Optional<JsonNode> outcome(UUID transactionId) {
        return api.get().uri("/api/v1/charges/{id}", transactionId).exchange((request, response) ->
                response.getStatusCode().value() == 404
                        ? Optional.empty() : Optional.of(json.readTree(response.getBody().readAllBytes())));
    }

    /**
     * The one outcome published for the request's transaction. Waits for it, then for the outbox's next polls, so
     * that a second copy would have arrived too.
     */
    private JsonNode awaitPublishedOutcome(ChargeRequest request) {
        await().atMost(WAIT).until(() -> {
            drainOutcomes();
            return published.containsKey(request.transactionId());
        });
        await().pollDelay(Duration.ofSeconds(1)).atMost(WAIT).until(() -> {
            drainOutcomes();
            return true;
        });
        List<JsonNode> outcomes = published.get(request.transactionId());
        assertThat(outcomes).as("outcomes published for %s", request.transactionId()).hasSize(1);
        JsonNode outcome = outcomes.get(0);
        assertThat(outcome.get("chargeId").asString()).isEqualTo(request.chargeId().toString());
        return outcome;
    }

    private void drainOutcomes() {
        Message message;
        while ((message = rabbitTemplate.receive(OUTCOMES)) != null) {
            JsonNode outcome = json.readTree(message.getBody());
            published.computeIfAbsent(UUID.fromString(outcome.get("transactionId").asString()),
                    id -> new CopyOnWriteArrayList<>()).add(outcome);
        }
    }

    private double counter(String name, Map<String, String> tags) {
        var search = meters.get(name);
        for (var tag : tags.entrySet()) {
            search = search.tag(tag.getKey(), tag.getValue());
        }
        return search.counter().count();
    }
}
