package io.banksuite.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import io.banksuite.runtime.rabbit.QueueHeaders;
import io.banksuite.schemas.MessageHeaders;
import io.banksuite.schemas.RabbitTopology;
import io.banksuite.schemas.charge.ChargeOutcome;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Charge outcomes from the real RabbitMQ into the real PostgreSQL: each one moves its card payment to the final
 * status that GET shows, a redelivered one changes nothing, and one that cannot be applied is parked in the DLQ with
 * why, while the queue keeps flowing, listed for an operator and replayed once its cause is fixed.
 */
class ChargeOutcomeIT extends ApiIntegrationTest {

    private static final String EXCHANGE = RABBIT_PREFIX + RabbitTopology.CHARGE_OUTCOMES_EXCHANGE;
    private static final String DLQ = RABBIT_PREFIX + RabbitTopology.TRANSACTION_CHARGE_OUTCOMES_DEAD_LETTER_QUEUE;
    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Instant DECIDED_AT = Instant.parse("2026-12-01T10:15:31.123456Z");

    @Autowired
    private RabbitTemplate rabbit;
    @Autowired
    private JsonMapper json;
    @Autowired
    private MeterRegistry meters;

    @BeforeEach
    void emptyDeadLetters() {
        // Declared by the listener's connection at start-up; earlier tests' parked outcomes are not this test's.
        while (rabbit.receive(DLQ) != null) {
            // drained
        }
    }

    @Test
    void aSettledOutcomeSettlesTheTransactionAndItsRedeliveryChangesNothing() throws Exception {
        UUID transaction = createCardPayment("c-1");
        ChargeOutcome settled = outcome(transaction, ChargeOutcome.SETTLED, null);
        double duplicatesBefore = received("duplicate");

        publish(settled);

        JsonNode shown = awaitStatus(transaction, "SETTLED");
        assertThat(shown.has("statusReason")).isFalse();
        assertThat(shown.get("statusChangedAt").asString()).isEqualTo(DECIDED_AT.toString());
        assertThat(jdbc.queryForObject("SELECT charge_id FROM transactions WHERE id = ?", UUID.class, transaction))
                .isEqualTo(settled.chargeId());

        publish(settled);

        await().atMost(WAIT).until(() -> received("duplicate") > duplicatesBefore);
        assertThat(transaction(transaction).get("status").asString()).isEqualTo("SETTLED");
        assertThat(rabbit.receive(DLQ)).isNull();
    }

    @Test
    void aDeclinedOutcomeShowsItsReasonAndAContradictingOutcomeIsParkedWithoutChangingIt() throws Exception {
        UUID transaction = createCardPayment("c-2");
        publish(outcome(transaction, ChargeOutcome.DECLINED, "card_declined"));
        JsonNode shown = awaitStatus(transaction, "DECLINED");
        assertThat(shown.get("statusReason").asString()).isEqualTo("card_declined");

        // Another charge's outcome for the same transaction: the first outcome is final.
        ChargeOutcome contradicting = outcome(transaction, ChargeOutcome.SETTLED, null);
        publish(contradicting);

        Message parked = awaitParked();
        assertThat(parked.getMessageProperties().getMessageId()).isEqualTo(messageId(contradicting));
        assertThat(parked.getMessageProperties().<Object>getHeader(QueueHeaders.FAILURE_CLASS)).isEqualTo("PERMANENT");
        assertThat(parked.getMessageProperties().<Object>getHeader(QueueHeaders.FAILURE_REASON).toString())
                .contains("is DECLINED by charge", "this outcome says SETTLED");
        assertThat(transaction(transaction).get("status").asString()).isEqualTo("DECLINED");
    }

    @Test
    void aParkedOutcomeIsListedForAnOperatorAndAppliedWhenReplayedOnceItsCauseIsFixed() throws Exception {
        UUID transaction = create("c-4", null);
        ChargeOutcome outcome = outcome(transaction, ChargeOutcome.SETTLED, null);
        publish(outcome);
        await().atMost(WAIT).until(() -> parkedCount() == 1);

        JsonNode listed = json.readTree(mvc.perform(get("/api/v1/admin/dead-letters"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(listed.get("records")).singleElement().satisfies(record -> {
            assertThat(record.get("messageId").asString()).isEqualTo(messageId(outcome));
            assertThat(record.get("failureClass").asString()).isEqualTo("PERMANENT");
            assertThat(record.get("failureReason").asString()).contains("is no card payment");
            assertThat(record.get("traceId").asString()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        });
        assertThat(transaction(transaction).get("status").asString()).isEqualTo("CREATED");

        // The cause fixed (here by hand: the card the payment was made with), the operator replays it.
        jdbc.update("UPDATE transactions SET card_id = 'card-good-c-4' WHERE id = ?", transaction);
        mvc.perform(post("/api/v1/admin/dead-letters/replay")).andExpect(status().isOk());

        assertThat(awaitStatus(transaction, "SETTLED").get("statusChangedAt").asString())
                .isEqualTo(DECIDED_AT.toString());
        assertThat(parkedCount()).isZero();
    }

    @Test
    void outcomesThatFitNoCardPaymentArePoisonAndParkedWhileTheQueueKeepsFlowing() throws Exception {
        UUID withoutCard = create("c-3", null);
        UUID card = createCardPayment("c-3");
        ChargeOutcome forUnknown = outcome(UUID.randomUUID(), ChargeOutcome.SETTLED, null);
        ChargeOutcome forNoCard = outcome(withoutCard, ChargeOutcome.SETTLED, null);

        publish(forUnknown);
        publish(forNoCard);
        publish("{\"chargeId\":\"" + UUID.randomUUID() + "\",\"status\":\"REFUNDED\"}", "poison-1");
        publish(outcome(card, ChargeOutcome.FAILED, "card processor answered HTTP 503; retries exhausted"));

        assertThat(awaitStatus(card, "FAILED").get("statusReason").asString()).contains("retries exhausted");
        assertThat(java.util.stream.Stream.of(awaitParked(), awaitParked(), awaitParked())
                .map(message -> message.getMessageProperties().getMessageId()))
                .containsExactlyInAnyOrder(messageId(forUnknown), messageId(forNoCard), "poison-1");
        assertThat(transaction(withoutCard).get("status").asString()).isEqualTo("CREATED");
        assertThat(count("transactions")).isEqualTo(2);
    }

    private UUID createCardPayment(String clientId) throws Exception {
        return create(clientId, "card-good-" + clientId);
    }

    private UUID create(String clientId, String cardId) throws Exception {
        String body = """
                {"clientId":"%s","amount":"125.50","currency":"EUR","type":"PAYMENT","merchantId":"m-1",
                 "merchantCategory":"5411","merchantCountry":"DE","channel":"WEB"%s}"""
                .formatted(clientId, cardId == null ? "" : ",\"cardId\":\"" + cardId + "\"");
        String created = mvc.perform(post("/api/v1/transactions").contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return UUID.fromString(json.readTree(created).get("id").asString());
    }

    private static ChargeOutcome outcome(UUID transaction, String status, String reason) {
        return new ChargeOutcome(UUID.randomUUID(), transaction, "c-1", status,
                ChargeOutcome.FAILED.equals(status) ? null : "ch_" + UUID.randomUUID(), reason, 1, DECIDED_AT);
    }

    /** The worker's message id is its outbox row's event id; here, derived from the charge id. */
    private static String messageId(ChargeOutcome outcome) {
        return "outcome-" + outcome.chargeId();
    }

    private void publish(ChargeOutcome outcome) {
        publish(json.writeValueAsString(outcome), messageId(outcome));
    }

    private void publish(String body, String messageId) {
        MessageProperties properties = new MessageProperties();
        properties.setMessageId(messageId);
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        properties.setHeader(MessageHeaders.TRACEPARENT, TRACEPARENT);
        rabbit.send(EXCHANGE, RabbitTopology.CHARGE_OUTCOME_ROUTING_KEY,
                new Message(body.getBytes(StandardCharsets.UTF_8), properties));
    }

    private JsonNode awaitStatus(UUID transaction, String status) {
        return await().atMost(WAIT).until(() -> transaction(transaction),
                shown -> status.equals(shown.get("status").asString()));
    }

    private long parkedCount() {
        return rabbit.execute(channel -> channel.messageCount(DLQ));
    }

    private Message awaitParked() {
        return await().atMost(WAIT).until(() -> rabbit.receive(DLQ), Objects::nonNull);
    }

    private JsonNode transaction(UUID id) throws Exception {
        return json.readTree(mvc.perform(get("/api/v1/transactions/{id}", id))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private double received(String result) {
        return meters.get("charge.outcomes.received").tag("result", result).counter().count();
    }
}
