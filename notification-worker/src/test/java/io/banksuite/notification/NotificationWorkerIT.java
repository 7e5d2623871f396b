package io.banksuite.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.banksuite.local.PostgresDatabases;
import io.banksuite.notification.adapter.in.web.SentNotificationResponse;
import io.banksuite.notification.support.PrefixedTopology;
import io.banksuite.notification.support.ScriptedWebhook;
import io.banksuite.notification.support.ScriptedWebhook.Request;
import io.banksuite.runtime.rabbit.QueueHeaders;
import io.banksuite.runtime.deadletter.DeadLetterAdminController;
import io.banksuite.runtime.deadletter.ReplayResult;
import io.banksuite.schemas.MessageHeaders;
import io.banksuite.schemas.RabbitTopology;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.QueueInformation;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import io.banksuite.schemas.notification.NotificationJob;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The worker against the real RabbitMQ and PostgreSQL on 127.0.0.1, with the webhook provider pointed at a real
 * local HTTP server whose answers are scripted per job. All broker names carry a random prefix and are deleted at
 * the end; retry tiers last a few hundred milliseconds instead of minutes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext
class NotificationWorkerIT {

    private static final String PREFIX = "it-nw-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    private static final PrefixedTopology TOPOLOGY = new PrefixedTopology(PREFIX);
    private static final String EXCHANGE = PREFIX + RabbitTopology.NOTIFICATIONS_EXCHANGE;
    private static final String ROUTING_KEY = RabbitTopology.NOTIFICATION_JOB_ROUTING_KEY;
    private static final String WORK_QUEUE = PREFIX + RabbitTopology.NOTIFICATION_JOBS_QUEUE;
    private static final List<String> RETRY_QUEUES = RabbitTopology.NOTIFICATION_RETRY_TIERS.stream()
            .map(tier -> PREFIX + tier.queue()).toList();
    private static final String RETRY_30S = RETRY_QUEUES.get(0);
    private static final String RETRY_1M = RETRY_QUEUES.get(1);
    private static final String RETRY_5M = RETRY_QUEUES.get(2);
    private static final String DLQ = PREFIX + RabbitTopology.NOTIFICATIONS_DEAD_LETTER_QUEUE;
    private static final String ALERTS = PREFIX + RabbitTopology.FRAUD_ALERTS_EXCHANGE;
    private static final String AUDIT_QUEUE = PREFIX + RabbitTopology.AUDIT_ALERTS_QUEUE;
    private static final List<String> AUDIT_RETRY_QUEUES = RabbitTopology.AUDIT_RETRY_TIERS.stream()
            .map(tier -> PREFIX + tier.queue()).toList();
    private static final String AUDIT_DLQ = PREFIX + RabbitTopology.AUDIT_DEAD_LETTER_QUEUE;
    private static final String SENT = "notification.jobs.sent";
    private static final String RETRIED = "notification.jobs.retried";
    private static final String DEAD_LETTERED = "notification.jobs.dead_lettered";
    private static final String DUPLICATES_SKIPPED = "notification.jobs.duplicates_skipped";
    private static final String AUDIT_RECORDED = "audit.jobs.recorded";
    private static final String AUDIT_RETRIED = "audit.jobs.retried";
    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static final ScriptedWebhook WEBHOOK = ScriptedWebhook.start();
    // Computed once: the property supplier below may be read several times and must not recreate the database.
    private static final String DATABASE_URL = PostgresDatabases.recreate("it_notification_worker");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DATABASE_URL);
        // The suite's tiers, with their names, under the test's prefix, lasting a few hundred milliseconds; the
        // audit queue's a little longer, so that a test can mend the audit log between two attempts.
        String[] ttls = {"200ms", "300ms", "400ms"};
        String[] auditTtls = {"700ms", "1s", "1500ms"};
        TOPOLOGY.register(registry, (queue, tier) -> queue == RabbitTopology.NOTIFICATIONS ? ttls[tier]
                : queue == RabbitTopology.AUDIT ? auditTtls[tier] : "300ms");
        registry.add("worker.consumer.requeue-delay", () -> "100ms");
        registry.add("notification.provider.type", () -> "webhook");
        registry.add("notification.provider.webhook.url", WEBHOOK::url);
        registry.add("notification.provider.webhook.signing-secret", () -> "a-test-secret-of-at-least-32-bytes");
    }

    @Autowired
    private RabbitTemplate rabbitTemplate;
    @Autowired
    private RabbitAdmin amqpAdmin;
    @Autowired
    private SimpleMessageListenerContainer notificationJobContainer;
    @Autowired
    private SimpleMessageListenerContainer auditJobContainer;
    @Autowired
    private SimpleMessageListenerContainer chargeJobContainer;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private MeterRegistry meterRegistry;
    @Autowired
    private JsonMapper json;
    @LocalServerPort
    private int port;

    private RestClient api;

    @BeforeAll
    void createApiClient() {
        api = RestClient.builder().baseUrl("http://127.0.0.1:" + port).build();
    }

    @BeforeEach
    void emptyTheDeadLetterQueue() {
        // Every test waits for its jobs to settle, so the DLQ holds only what earlier tests left there.
        amqpAdmin.purgeQueue(DLQ, false);
        amqpAdmin.purgeQueue(AUDIT_DLQ, false);
    }

    @AfterAll
    void deleteBrokerObjects() {
        // Stop consuming first: a consumer whose queue vanishes would make the container redeclare it.
        notificationJobContainer.stop();
        auditJobContainer.stop();
        chargeJobContainer.stop();
        TOPOLOGY.delete(amqpAdmin);
        WEBHOOK.close();
    }

    @Test
    void sendsAJobOnceAndRecordsIt() {
        UUID jobId = UUID.randomUUID();
        double sentBefore = counter(SENT, Map.of());

        publish(jobJson(jobId), jobId.toString());

        SentNotificationResponse sent = awaitSent(jobId);
        assertThat(sent.attempts()).isEqualTo(1);
        assertThat(sent.provider()).isEqualTo("webhook");
        assertThat(sent.kind()).isEqualTo("FRAUD_ALERT");
        assertThat(sent.clientId()).isEqualTo("c-1");
        assertThat(sent.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(sent.retriedVia()).isEmpty();

        List<Request> requests = WEBHOOK.requestsFor(jobId.toString());
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).traceparent()).isEqualTo(TRACEPARENT);
        assertThat(requests.get(0).attempt()).isEqualTo("1");
        assertThat(requests.get(0).body()).contains("\"jobId\":\"" + jobId + "\"");
        assertThat(counter(SENT, Map.of())).isEqualTo(sentBefore + 1);

        assertThat(status("/api/v1/notifications/" + UUID.randomUUID())).isEqualTo(404);
    }

    @Test
    void transientFailuresGoThroughTheRetryTiersInOrderAndTheJobIsSentOnce() {
        UUID jobId = UUID.randomUUID();
        WEBHOOK.script(jobId.toString(), 503, 503, 200);
        double tier30sBefore = counter(RETRIED, Map.of("tier", "30s"));
        double tier1mBefore = counter(RETRIED, Map.of("tier", "1m"));
        double tier5mBefore = counter(RETRIED, Map.of("tier", "5m"));

        publish(jobJson(jobId), jobId.toString());

        SentNotificationResponse sent = awaitSent(jobId);
        assertThat(sent.attempts()).isEqualTo(3);
        // From the broker's x-death header: the job really expired out of the 30s and 1m tiers (not the 5m one);
        // the per-tier counters and the attempt numbers below pin the order.
        assertThat(sent.retriedVia()).containsExactly(RETRY_30S, RETRY_1M);

        List<Request> requests = WEBHOOK.requestsFor(jobId.toString());
        assertThat(ScriptedWebhook.attempts(requests)).containsExactly("1", "2", "3");
        assertThat(requests).extracting(Request::status).containsExactly(503, 503, 200);
        assertThat(requests).filteredOn(Request::accepted).hasSize(1);
        assertThat(requests).extracting(Request::idempotencyKey).containsOnly(jobId.toString());

        assertThat(counter(RETRIED, Map.of("tier", "30s"))).isEqualTo(tier30sBefore + 1);
        assertThat(counter(RETRIED, Map.of("tier", "1m"))).isEqualTo(tier1mBefore + 1);
        assertThat(counter(RETRIED, Map.of("tier", "5m"))).isEqualTo(tier5mBefore);
    }

    @Test
    void aJobThatAlwaysFailsTransientlyIsDeadLetteredAfterThreeRetries() {
        UUID jobId = UUID.randomUUID();
        WEBHOOK.script(jobId.toString(), 503);
        double deadLetteredBefore = counter(DEAD_LETTERED, Map.of("failure_class", "transient"));
        String body = jobJson(jobId);

        publish(body, jobId.toString());

        Message dead = awaitDeadLetter();
        MessageProperties properties = dead.getMessageProperties();
        assertThat(properties.getMessageId()).isEqualTo(jobId.toString());
        assertThat(new String(dead.getBody(), StandardCharsets.UTF_8)).isEqualTo(body);
        assertThat(properties.getReceivedDeliveryMode()).isEqualTo(MessageDeliveryMode.PERSISTENT);
        assertThat(properties.<Object>getHeader(QueueHeaders.FAILURE_CLASS)).isEqualTo("TRANSIENT");
        assertThat(properties.<Object>getHeader(QueueHeaders.ATTEMPTS)).isEqualTo(4);
        assertThat(properties.<Object>getHeader(QueueHeaders.RETRY_COUNT)).isEqualTo(3);
        assertThat(properties.<Object>getHeader(QueueHeaders.ORIGINAL_QUEUE)).isEqualTo(WORK_QUEUE);
        assertThat(properties.<Object>getHeader(QueueHeaders.ORIGINAL_EXCHANGE)).isEqualTo(EXCHANGE);
        assertThat(properties.<Object>getHeader(QueueHeaders.ORIGINAL_ROUTING_KEY)).isEqualTo(ROUTING_KEY);
        assertThat(properties.<Object>getHeader(MessageHeaders.TRACEPARENT)).isEqualTo(TRACEPARENT);
        assertThat(properties.<Object>getHeader(QueueHeaders.FAILURE_REASON).toString())
                .contains("HTTP 503", "retries exhausted after 4 attempt(s)");
        assertThat(Instant.parse(properties.<Object>getHeader(QueueHeaders.FAILED_AT).toString()))
                .isBefore(Instant.now().plusSeconds(1));
        assertThat(QueueHeaders.retriedVia(properties, RETRY_QUEUES))
                .containsExactly(RETRY_30S, RETRY_1M, RETRY_5M);
        // The broker's record: one expiry from each tier, none from anywhere else.
        List<Map<String, ?>> deaths = properties.getXDeathHeader();
        assertThat(deaths).extracting(death -> String.valueOf(death.get("queue")))
                .containsExactlyInAnyOrder(RETRY_30S, RETRY_1M, RETRY_5M);
        assertThat(deaths).extracting(death -> String.valueOf(death.get("reason"))).containsOnly("expired");
        assertThat(deaths).extracting(death -> (Object) death.get("count")).containsOnly(1L);

        // Once in the DLQ nothing else can deliver it, so these counts are final.
        List<Request> requests = WEBHOOK.requestsFor(jobId.toString());
        assertThat(ScriptedWebhook.attempts(requests)).containsExactly("1", "2", "3", "4");
        assertThat(requests).extracting(Request::status).containsOnly(503);
        assertThat(status("/api/v1/notifications/" + jobId)).isEqualTo(404);
        assertThat(counter(DEAD_LETTERED, Map.of("failure_class", "transient")))
                .isEqualTo(deadLetteredBefore + 1);
    }

    @Test
    void aPermanentFailureIsDeadLetteredAfterOneAttempt() {
        UUID jobId = UUID.randomUUID();
        WEBHOOK.script(jobId.toString(), 400);

        publish(jobJson(jobId), jobId.toString());

        Message dead = awaitDeadLetter();
        MessageProperties properties = dead.getMessageProperties();
        assertThat(properties.getMessageId()).isEqualTo(jobId.toString());
        assertThat(properties.<Object>getHeader(QueueHeaders.FAILURE_CLASS)).isEqualTo("PERMANENT");
        assertThat(properties.<Object>getHeader(QueueHeaders.ATTEMPTS)).isEqualTo(1);
        assertThat(properties.<Object>getHeader(QueueHeaders.RETRY_COUNT)).isEqualTo(0);
        assertThat(properties.<Object>getHeader(QueueHeaders.FAILURE_REASON).toString()).contains("HTTP 400");
        assertThat(QueueHeaders.retriedVia(properties, RETRY_QUEUES)).isEmpty();
        assertThat(WEBHOOK.requestsFor(jobId.toString())).hasSize(1);
    }

    @Test
    void aRedeliveredJobThatWasAlreadySentIsNotSentAgain() {
        UUID jobId = UUID.randomUUID();
        String body = jobJson(jobId);
        publish(body, jobId.toString());
        SentNotificationResponse first = awaitSent(jobId);
        double skippedBefore = counter(DUPLICATES_SKIPPED, Map.of());

        publish(body, jobId.toString());

        await().atMost(WAIT).until(() -> counter(DUPLICATES_SKIPPED, Map.of()) > skippedBefore);
        assertThat(WEBHOOK.requestsFor(jobId.toString())).hasSize(1);
        assertThat(sent(jobId)).contains(first);
    }

    @Test
    void aPoisonMessageIsDeadLetteredAndTheNextJobIsStillProcessed() {
        String poisonId = "poison-" + UUID.randomUUID();
        publish("this is not JSON", poisonId);

        Message dead = awaitDeadLetter();
        MessageProperties properties = dead.getMessageProperties();
        assertThat(properties.getMessageId()).isEqualTo(poisonId);
        assertThat(new String(dead.getBody(), StandardCharsets.UTF_8)).isEqualTo("this is not JSON");
        assertThat(properties.<Object>getHeader(QueueHeaders.FAILURE_CLASS)).isEqualTo("POISON");
        assertThat(properties.<Object>getHeader(QueueHeaders.ATTEMPTS)).isEqualTo(1);
        assertThat(properties.<Object>getHeader(QueueHeaders.FAILURE_REASON).toString())
                .contains("not a valid notification job");
        assertThat(WEBHOOK.requestsFor(poisonId)).isEmpty();

        UUID next = UUID.randomUUID();
        publish(jobJson(next), next.toString());
        assertThat(awaitSent(next).attempts()).isEqualTo(1);
    }

    @Test
    void replayingTheDeadLetterQueueMovesTheJobBackAndItIsProcessed() {
        UUID jobId = UUID.randomUUID();
        // Rejected once (e.g. the provider was misconfigured), accepted after the fix.
        WEBHOOK.script(jobId.toString(), 400, 200);
        publish(jobJson(jobId), jobId.toString());
        await().atMost(WAIT).until(() -> dlqDepth() == 1);
        assertThat(status("/api/v1/notifications/" + jobId)).isEqualTo(404);

        ReplayResult response = api.post().uri(DeadLetterAdminController.PATH + "/replay?max=10").retrieve()
                .body(ReplayResult.class);

        assertThat(response).isEqualTo(new ReplayResult(1, 0));
        SentNotificationResponse sent = awaitSent(jobId);
        // The retry count was reset: the replayed job starts a fresh cycle.
        assertThat(sent.attempts()).isEqualTo(1);
        List<Request> requests = WEBHOOK.requestsFor(jobId.toString());
        assertThat(requests).extracting(Request::status).containsExactly(400, 200);
        assertThat(ScriptedWebhook.attempts(requests)).containsExactly("1", "1");
        assertThat(dlqDepth()).isZero();
    }

    @Test
    void theDeadLetterListingSaysWhyEachJobFailedAndLeavesThemInOrder() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        WEBHOOK.script(first.toString(), 400);
        WEBHOOK.script(second.toString(), 404);
        publish(jobJson(first), first.toString());
        await().atMost(WAIT).until(() -> dlqDepth() == 1);
        publish(jobJson(second), second.toString());
        await().atMost(WAIT).until(() -> dlqDepth() == 2);

        JsonNode listing = api.get().uri(DeadLetterAdminController.PATH + "?limit=10").retrieve().body(JsonNode.class);

        assertThat(listing.get("deadLetterQueue").asString()).isEqualTo(DLQ);
        assertThat(listing.get("remaining").asLong()).isEqualTo(2);
        assertThat(listing.get("records")).extracting(r -> r.get("messageId").asString())
                .containsExactly(first.toString(), second.toString());
        JsonNode parked = listing.get("records").get(0);
        assertThat(parked.get("failureClass").asString()).isEqualTo("PERMANENT");
        assertThat(parked.get("failureReason").asString()).contains("HTTP 400");
        assertThat(parked.get("attempts").asInt()).isEqualTo(1);
        assertThat(parked.get("originalQueue").asString()).isEqualTo(WORK_QUEUE);
        assertThat(parked.get("traceId").asString()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(parked.get("body").asString()).contains(first.toString());

        // Listed, not taken: both are still parked, in the same order, and a limit of one shows the oldest.
        assertThat(dlqDepth()).isEqualTo(2);
        JsonNode oldest = api.get().uri(DeadLetterAdminController.PATH + "?limit=1").retrieve().body(JsonNode.class);
        assertThat(oldest.get("records")).singleElement()
                .satisfies(r -> assertThat(r.get("messageId").asString()).isEqualTo(first.toString()));
        assertThat(rabbitTemplate.receive(DLQ).getMessageProperties().getMessageId()).isEqualTo(first.toString());
        assertThat(rabbitTemplate.receive(DLQ).getMessageProperties().getMessageId()).isEqualTo(second.toString());
    }

    @Test
    void badReplayInputIsAProblemAndMovesNothing() {
        UUID jobId = UUID.randomUUID();
        WEBHOOK.script(jobId.toString(), 400);
        publish(jobJson(jobId), jobId.toString());
        await().atMost(WAIT).until(() -> dlqDepth() == 1);

        int status = api.post().uri(DeadLetterAdminController.PATH + "/replay?max=0")
                .exchange((request, response) -> response.getStatusCode().value());

        assertThat(status).isEqualTo(400);
        assertThat(dlqDepth()).isEqualTo(1);
    }

    @Test
    void aJobWhoseRetryRepublishIsNotConfirmedIsRequeuedAndNotLost() {
        UUID jobId = UUID.randomUUID();
        WEBHOOK.script(jobId.toString(), 503);
        // Without the 30s tier queue the republish is unroutable: the broker returns it (mandatory) and the worker
        // must not ack the original.
        amqpAdmin.deleteQueue(RETRY_30S);
        try {
            publish(jobJson(jobId), jobId.toString());

            await().atMost(WAIT).until(() -> WEBHOOK.requestsFor(jobId.toString()).size() >= 3);
            assertThat(ScriptedWebhook.attempts(WEBHOOK.requestsFor(jobId.toString()))).containsOnly("1");
        } finally {
            // What a reconnect would do: declare the whole topology again.
            amqpAdmin.initialize();
        }

        Message dead = awaitDeadLetter();
        assertThat(dead.getMessageProperties().getMessageId()).isEqualTo(jobId.toString());
        assertThat(dead.getMessageProperties().<Object>getHeader(QueueHeaders.RETRY_COUNT)).isEqualTo(3);
        List<String> attempts = ScriptedWebhook.attempts(WEBHOOK.requestsFor(jobId.toString()));
        // Redelivered as attempt 1 until the tier was back, then the normal walk through the tiers.
        assertThat(attempts.subList(attempts.size() - 3, attempts.size())).containsExactly("2", "3", "4");
        assertThat(attempts.subList(0, attempts.size() - 3)).hasSizeGreaterThanOrEqualTo(3).containsOnly("1");
    }

    @Test
    void eachAlertOnTheFanoutReachesBothQueuesOnceAndTheAuditLogKeepsItWithItsTrace() {
        UUID jobId = UUID.randomUUID();
        double recordedBefore = counter(AUDIT_RECORDED, Map.of());
        String body = jobJson(jobId);

        publishAlert(body, jobId.toString());

        assertThat(awaitSent(jobId).attempts()).isEqualTo(1);
        UUID transactionId = transactionIdOf(body);
        JsonNode entry = awaitAudited(transactionId);
        assertThat(entry.get("alertId").asString()).isEqualTo(jobId.toString());
        assertThat(entry.get("kind").asString()).isEqualTo("FRAUD_ALERT");
        assertThat(entry.get("clientId").asString()).isEqualTo("c-1");
        assertThat(entry.get("reasons")).extracting(JsonNode::asString).containsExactly("AMOUNT_OVER_THRESHOLD");
        assertThat(entry.get("traceId").asString()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(entry.get("attempt").asInt()).isEqualTo(1);
        assertThat(counter(AUDIT_RECORDED, Map.of())).isEqualTo(recordedBefore + 1);
        assertThat(WEBHOOK.requestsFor(jobId.toString())).hasSize(1);

        // The same alert again (fraud's outbox republished it after a crash): neither queue does it twice.
        double skippedBefore = counter("audit.jobs.duplicates_skipped", Map.of());
        double notificationSkippedBefore = counter(DUPLICATES_SKIPPED, Map.of());
        publishAlert(body, jobId.toString());
        await().atMost(WAIT).until(() -> counter("audit.jobs.duplicates_skipped", Map.of()) > skippedBefore);
        assertThat(audited(transactionId)).hasSize(1);
        await().atMost(WAIT).until(() -> counter(DUPLICATES_SKIPPED, Map.of()) > notificationSkippedBefore);
        assertThat(WEBHOOK.requestsFor(jobId.toString())).hasSize(1);
    }

    @Test
    void theAuditLogIsAppendOnly() {
        UUID jobId = UUID.randomUUID();
        String body = jobJson(jobId);
        publishAlert(body, jobId.toString());
        UUID transactionId = transactionIdOf(body);
        awaitAudited(transactionId);

        assertThatThrownBy(() -> jdbc.update("UPDATE alert_audit_log SET client_id = 'someone-else' "
                + "WHERE alert_id = ?", jobId)).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM alert_audit_log WHERE alert_id = ?", jobId))
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.execute("TRUNCATE alert_audit_log")).rootCause()
                .hasMessageContaining("append-only");
        assertThat(audited(transactionId)).singleElement()
                .satisfies(entry -> assertThat(entry.get("clientId").asString()).isEqualTo("c-1"));
    }

    @Test
    void anAuditLogFailureWalksTheAuditTiersAloneAndTheNotificationIsNotRepeated() {
        UUID jobId = UUID.randomUUID();
        String body = jobJson(jobId);
        double retriedBefore = counter(AUDIT_RETRIED, Map.of("tier", "30s"));
        UUID transactionId = transactionIdOf(body);

        withAuditLogBroken(() -> {
            publishAlert(body, jobId.toString());
            await().atMost(WAIT).until(() -> counter(AUDIT_RETRIED, Map.of("tier", "30s")) > retriedBefore);
        });

        JsonNode entry = awaitAudited(transactionId);
        assertThat(entry.get("attempt").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(entry.get("traceId").asString()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        // The notification went out once, on its first attempt, whatever the audit queue went through.
        assertThat(awaitSent(jobId).attempts()).isEqualTo(1);
        assertThat(WEBHOOK.requestsFor(jobId.toString())).hasSize(1);
        assertThat(dlqDepth()).isZero();
    }

    @Test
    void anAlertTheAuditLogNeverTakesIsParkedInTheAuditDlqAndReplayedFromThere() {
        UUID jobId = UUID.randomUUID();
        String body = jobJson(jobId);
        UUID transactionId = transactionIdOf(body);

        withAuditLogBroken(() -> {
            publishAlert(body, jobId.toString());
            Message dead = await().atMost(WAIT).until(() -> rabbitTemplate.receive(AUDIT_DLQ), Objects::nonNull);
            MessageProperties properties = dead.getMessageProperties();
            assertThat(properties.getMessageId()).isEqualTo(jobId.toString());
            assertThat(properties.<Object>getHeader(QueueHeaders.FAILURE_CLASS)).isEqualTo("TRANSIENT");
            assertThat(properties.<Object>getHeader(QueueHeaders.ATTEMPTS)).isEqualTo(4);
            assertThat(properties.<Object>getHeader(QueueHeaders.ORIGINAL_QUEUE)).isEqualTo(AUDIT_QUEUE);
            assertThat(properties.<Object>getHeader(QueueHeaders.FAILURE_REASON).toString())
                    .contains("the audit log could not take it");
            assertThat(QueueHeaders.retriedVia(properties, AUDIT_RETRY_QUEUES))
                    .containsExactlyElementsOf(AUDIT_RETRY_QUEUES);
            // Put back for the operator, as it was.
            rabbitTemplate.send(AUDIT_DLQ, dead);
        });
        assertThat(audited(transactionId)).isEmpty();
        assertThat(dlqDepth()).as("the notification queue's DLQ").isZero();

        JsonNode listing = api.get().uri(DeadLetterAdminController.PATH + "?source={dlq}", AUDIT_DLQ).retrieve()
                .body(JsonNode.class);
        assertThat(listing.get("deadLetterQueue").asString()).isEqualTo(AUDIT_DLQ);
        assertThat(listing.get("records")).singleElement()
                .satisfies(r -> assertThat(r.get("messageId").asString()).isEqualTo(jobId.toString()));
        ReplayResult replayed = api.post().uri(DeadLetterAdminController.PATH + "/replay?source={dlq}", AUDIT_DLQ)
                .retrieve().body(ReplayResult.class);

        assertThat(replayed).isEqualTo(new ReplayResult(1, 0));
        assertThat(awaitAudited(transactionId).get("attempt").asInt()).isEqualTo(1);
        assertThat(WEBHOOK.requestsFor(jobId.toString())).as("replayed to the audit queue alone").hasSize(1);
    }

    @Test
    void theAuditLogAnswersOnlyAWellFormedQuestion() {
        assertThat(status("/api/v1/audit/alerts")).isEqualTo(400);
        assertThat(status("/api/v1/audit/alerts?transactionId=not-a-uuid")).isEqualTo(400);
        assertThat(status("/api/v1/audit/alerts?clientId=c-1&limit=0")).isEqualTo(400);
        assertThat(status("/api/v1/audit/alerts?clientId=c-1&transactionId=" + UUID.randomUUID())).isEqualTo(400);
        assertThat(status("/api/v1/audit/alerts?clientId=nobody")).isEqualTo(200);
    }

    /** The audit log's table renamed away while {@code action} runs: every insert into it fails. */
    private void withAuditLogBroken(Runnable action) {
        jdbc.execute("ALTER TABLE alert_audit_log RENAME TO alert_audit_log_away");
        try {
            action.run();
        } finally {
            jdbc.execute("ALTER TABLE alert_audit_log_away RENAME TO alert_audit_log");
        }
    }

    private JsonNode awaitAudited(UUID transactionId) {
        return await().atMost(WAIT).until(() -> audited(transactionId), entries -> !entries.isEmpty()).get(0);
    }

    private List<JsonNode> audited(UUID transactionId) {
        JsonNode entries = api.get().uri("/api/v1/audit/alerts?transactionId={id}", transactionId).retrieve()
                .body(JsonNode.class);
        return entries.valueStream().toList();
    }

    private UUID transactionIdOf(String body) {
        return UUID.fromString(json.readTree(body).get("transactionId").asString());
    }

    /** As fraud-service publishes an alert: once, to the fanout. */
    private void publishAlert(String body, String messageId) {
        rabbitTemplate.send(ALERTS, "", message(body, messageId));
    }

    private void publish(String body, String messageId) {
        rabbitTemplate.send(EXCHANGE, ROUTING_KEY, message(body, messageId));
    }

    private static Message message(String body, String messageId) {
        MessageProperties properties = new MessageProperties();
        properties.setMessageId(messageId);
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        properties.setHeader(MessageHeaders.TRACEPARENT, TRACEPARENT);
        return new Message(body.getBytes(StandardCharsets.UTF_8), properties);
    }

    /** A job as fraud-service writes it: the contract's record, serialized by the services' Jackson. */
    private String jobJson(UUID jobId) {
        return json.writeValueAsString(new NotificationJob(jobId, NotificationJob.FRAUD_ALERT, UUID.randomUUID(),
                "c-1", UUID.randomUUID(), List.of("AMOUNT_OVER_THRESHOLD"), Instant.parse("2026-11-27T14:00:00Z")));
    }

    private SentNotificationResponse awaitSent(UUID jobId) {
        return await().atMost(WAIT).until(() -> sent(jobId), Optional::isPresent).orElseThrow();
    }

    private Optional<SentNotificationResponse> sent(UUID jobId) {
        return api.get().uri("/api/v1/notifications/{jobId}", jobId).exchange((request, response) -> {
            int status = response.getStatusCode().value();
            if (status == 404) {
                return Optional.empty();
            }
            assertThat(status).as("GET status").isEqualTo(200);
            return Optional.ofNullable(response.bodyTo(SentNotificationResponse.class));
        });
    }

    private int status(String path) {
        return api.get().uri(path).exchange((request, response) -> response.getStatusCode().value());
    }

    /** Takes the next message off the DLQ (the test's own: the DLQ is purged before each test). */
    private Message awaitDeadLetter() {
        return await().atMost(WAIT).until(() -> rabbitTemplate.receive(DLQ), Objects::nonNull);
    }

    private long dlqDepth() {
        QueueInformation info = amqpAdmin.getQueueInfo(DLQ);
        assertThat(info).as("DLQ exists").isNotNull();
        return info.getMessageCount();
    }

    private double counter(String name, Map<String, String> tags) {
        var search = meterRegistry.get(name);
        for (var tag : tags.entrySet()) {
            search = search.tag(tag.getKey(), tag.getValue());
        }
        return search.counter().count();
    }
}
