package io.banksuite.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import io.banksuite.events.TransactionCreated;
import io.banksuite.local.FreePorts;
import io.banksuite.local.LocalSuite;
import io.banksuite.local.PostgresDatabases;
import io.banksuite.local.ServiceSpec;
import io.banksuite.local.SuiteRoot;
import io.banksuite.schemas.MessageHeaders;
import io.banksuite.schemas.RabbitTopology;
import io.banksuite.schemas.Topics;
import io.banksuite.schemas.serde.ConfluentAvroDeserializer;
import io.banksuite.schemas.serde.RestSchemaRegistryClient;
import io.banksuite.schemas.serde.WireFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The suite as its users run it: every service from its built jar as its own process, a real Kafka broker, the
 * real schema registry, PostgreSQL and RabbitMQ. Transactions go in over REST while the relay and fraud-service are
 * killed mid-flight; the tests then check what came out at every stage.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CLIENTS = 20;
    private static final int TRANSACTIONS_PER_CLIENT = 10;
    /** The webhook fails twice for this client's job, then accepts it. */
    private static final String FLAKY_CLIENT = "client-flaky";
    /** The webhook always fails for this client's job. */
    private static final String DOOMED_CLIENT = "client-doomed";
    /** This client's flagged transaction is followed through every service, as one trace. */
    private static final String TRACED_CLIENT = "client-traced";
    /** Has limits and is then blocked, outside the record: its decisions are looked at, not its events counted. */
    private static final String LIMITED_CLIENT = "client-limited";
    /** Pays by card outside the record: its charges are looked at, not its events counted. */
    private static final String CHARGED_CLIENT = "client-charged";
    /** A transaction a few times a second while the alert tests run. */
    private static final String TRICKLE_CLIENT = "client-trickle";
    private static final List<String> SIX_SERVICES = List.of("transaction-service", "outbox-relay", "fraud-service",
            "ml-service", "analytics-service", "notification-worker");
    /** The fraud rules as the suite is configured below. */
    private static final BigDecimal AMOUNT_THRESHOLD = new BigDecimal("10000");
    private static final int VELOCITY_MAX = 7;
    private static final Duration VELOCITY_WINDOW = Duration.ofMinutes(30);
    /** The services that consume transaction.created, each in its own group. */
    private static final List<String> CONSUMERS = List.of("fraud-service", "ml-service", "analytics-service");
    private static final List<String> WITH_DEAD_LETTERS = List.of("fraud-service", "ml-service", "analytics-service",
            "notification-worker");

    private final String run = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
    /** The test's own exchange and queues: the suite's names under a prefix of this run. */
    private final String rabbitPrefix = run + ".";
    /** Chosen before the suite starts: the worker is told where the simulator listens. */
    private final int cardProcessorPort = FreePorts.next();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();

    private LocalSuite suite;
    /** Each consumer's group, as the service itself reports it at /actuator/info. */
    private final Map<String, String> groups = new LinkedHashMap<>();
    private WebhookReceiver webhook;
    /** What was posted, per client in the order it was created. */
    private final Map<String, List<Posted>> postedByClient = new ConcurrentHashMap<>();
    /** Every distinct event read back from Kafka, by event id. */
    private final Map<String, TransactionCreated> events = new HashMap<>();

    record Posted(String transactionId, String clientId, BigDecimal amount, String currency, Instant occurredAt) {
    }

    @BeforeAll
    void startTheSuiteAndPostTransactions() throws Exception {
        webhook = new WebhookReceiver((clientId, attempt) -> {
            if (clientId.equals(DOOMED_CLIENT)) {
                return 503;
            }
            return clientId.equals(FLAKY_CLIENT) && attempt <= 2 ? 503 : 200;
        });
        Path root = SuiteRoot.path();
        List<ServiceSpec> services = LocalSuite.SERVICES.stream()
                .map(spec -> spec.withPort(FreePorts.next()).withDatabase("e2e_" + spec.database())
                        .withArgs(argsFor(spec.name())))
                .toList();
        suite = LocalSuite.start(new LocalSuite.Settings(root, root.resolve("end-to-end-tests/target/suite-" + run),
                FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(), cardProcessorPort, services,
                true,
                LocalSuite.javaOptions(),
                Observability.testCopy(FreePorts.next(), FreePorts.next())));

        for (String consumer : CONSUMERS) {
            groups.put(consumer, getJson(suite.service(consumer).baseUrl() + "/actuator/info").at("/inbox/group")
                    .asText());
        }

        List<String> clients = IntStream.range(0, CLIENTS).mapToObj(i -> String.format("client-%02d", i)).toList();
        ExecutorService posters = Executors.newFixedThreadPool(8);
        try {
            // First half: the pipeline runs normally.
            postAll(posters, clients, 0, TRANSACTIONS_PER_CLIENT / 2);
            awaitInboxCount("fraud-service", 20);
            // Second half: the relay and fraud-service are killed (SIGKILL) while transactions keep coming.
            AtomicInteger posted = new AtomicInteger();
            Future<?> secondHalf = posters.submit(() -> {
                postAll(posters, clients, TRANSACTIONS_PER_CLIENT / 2, TRANSACTIONS_PER_CLIENT, posted);
                return null;
            });
            await().atMost(Duration.ofMinutes(2)).until(() -> posted.get() >= CLIENTS);
            suite.kill("outbox-relay");
            suite.kill("fraud-service");
            secondHalf.get();
            post(FLAKY_CLIENT, new BigDecimal("15000.00"), "EUR");
            post(DOOMED_CLIENT, new BigDecimal("20000.00"), "EUR");
            suite.restart("fraud-service");
            suite.restart("outbox-relay");
        } finally {
            posters.shutdown();
        }
        for (String consumer : CONSUMERS) {
            awaitInboxCount(consumer, totalPosted());
        }
        readBackTheTopic();
    }

    @AfterAll
    void stopEverything() throws Exception {
        trickle.shutdownNow();
        if (suite != null) {
            suite.close();
        }
        if (webhook != null) {
            webhook.close();
        }
        deleteRabbitQueues();
    }

    @Test
    @Order(1)
    void kafkaRecordsAreConfluentAvroKeyedByClientId() {
        Set<String> posted = allPosted().stream().map(Posted::transactionId).collect(Collectors.toSet());
        assertThat(events.values().stream().map(TransactionCreated::getTransactionId).collect(Collectors.toSet()))
                .as("every posted transaction reached Kafka, and nothing else did")
                .isEqualTo(posted);
        assertThat(events).hasSize(posted.size());
    }

    @Test
    @Order(2)
    void eachConsumerAppliedEachEventExactlyOnce() throws SQLException {
        for (String consumer : CONSUMERS) {
            List<String> applied = appliedEventIds(consumer);
            assertThat(applied).as(consumer).doesNotHaveDuplicates();
            assertThat(new HashSet<>(applied)).as(consumer).isEqualTo(events.keySet());
        }
    }

    @Test
    @Order(3)
    void eachConsumerSawEachClientsEventsInTheOrderTheyWereCreated() throws SQLException {
        for (String consumer : CONSUMERS) {
            Map<String, List<String>> appliedByClient = new LinkedHashMap<>();
            for (String eventId : appliedEventIds(consumer)) {
                TransactionCreated event = events.get(eventId);
                appliedByClient.computeIfAbsent(event.getClientId(), c -> new ArrayList<>()).add(event.getTransactionId());
            }
            postedByClient.forEach((client, posted) -> assertThat(appliedByClient.get(client))
                    .as("%s, client %s", consumer, client)
                    .containsExactlyElementsOf(posted.stream().map(Posted::transactionId).toList()));
        }
    }

    @Test
    @Order(4)
    void theFlaggedSetIsExactlyWhatTheRulesSay() throws Exception {
        Set<String> expected = expectedFlagged();
        Set<String> flagged = new HashSet<>();
        for (Posted posted : allPosted()) {
            JsonNode decision = getJson(suite.service("fraud-service").baseUrl() + "/api/v1/fraud/decisions/"
                    + posted.transactionId());
            if (decision.path("flagged").asBoolean()) {
                flagged.add(posted.transactionId());
            }
        }
        assertThat(expected).as("the test data exercise both rules").hasSizeGreaterThan(CLIENTS);
        assertThat(flagged).isEqualTo(expected);
    }

    @Test
    @Order(5)
    void notificationJobsOfFlaggedTransactionsWereDeliveredOnce() throws Exception {
        Set<String> expected = new HashSet<>(expectedFlagged());
        expected.remove(postedByClient.get(DOOMED_CLIENT).get(0).transactionId());
        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> assertThat(successfulCalls().stream()
                .map(WebhookReceiver.Call::transactionId).collect(Collectors.toSet())).isEqualTo(expected));
        assertThat(successfulCalls()).as("each job sent once").hasSize(expected.size());
        assertThat(webhook.calls()).as("every call signed by the worker").isNotEmpty()
                .allSatisfy(call -> assertThat(call.signed()).as(call.jobId()).isTrue());
    }

    @Test
    @Order(5)
    void everyAlertReachesBothFanoutQueuesAndTheAuditLogKeepsItOnceWithItsTrace() throws Exception {
        String worker = suite.service("notification-worker").baseUrl();
        // The doomed client's alert too: its notification never goes out, but the audit queue is another queue.
        for (String transactionId : expectedFlagged()) {
            JsonNode entries = await().atMost(Duration.ofMinutes(1)).until(
                    () -> getJson(worker + "/api/v1/audit/alerts?transactionId=" + transactionId),
                    found -> found.size() > 0);
            assertThat(entries).as("audit entries of %s", transactionId).singleElement().satisfies(entry -> {
                assertThat(entry.get("kind").asText()).isEqualTo("FRAUD_ALERT");
                assertThat(entry.get("traceId").asText()).matches("[0-9a-f]{32}");
            });
        }
    }

    @Test
    @Order(6)
    void aJobThatFailsTwiceGoesThroughTheRetryQueuesAndIsSentOnce() {
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(webhook.callsForClient(FLAKY_CLIENT))
                .extracting(WebhookReceiver.Call::status).containsExactly(503, 503, 200));
        assertThat(webhook.callsForClient(FLAKY_CLIENT)).extracting(WebhookReceiver.Call::jobId).containsOnly(
                webhook.callsForClient(FLAKY_CLIENT).get(0).jobId());
    }

    @Test
    @Order(7)
    void aJobThatAlwaysFailsEndsInTheDeadLetterQueueAfterThreeRetries() throws Exception {
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(webhook.callsForClient(DOOMED_CLIENT))
                .extracting(WebhookReceiver.Call::status).containsExactly(503, 503, 503, 503));
        String jobId = webhook.callsForClient(DOOMED_CLIENT).get(0).jobId();
        ConnectionFactory factory = rabbit();
        try (com.rabbitmq.client.Connection connection = factory.newConnection();
             com.rabbitmq.client.Channel channel = connection.createChannel()) {
            List<String> parked = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                GetResponse message = channel.basicGet(rabbitName(RabbitTopology.NOTIFICATIONS_DEAD_LETTER_QUEUE), false);
                if (message != null) {
                    parked.add(JSON.readTree(message.getBody()).path("jobId").asText());
                }
                assertThat(parked).contains(jobId);
            });
            assertThat(parked).containsOnly(jobId);
        }
        Thread.sleep(2_000);
        assertThat(webhook.callsForClient(DOOMED_CLIENT)).as("no attempt after the job was parked").hasSize(4);
    }

    @Test
    @Order(8)
    void republishedEventsAndARewoundConsumerGroupChangeNothing() throws Exception {
        Map<String, Object> before = observableState();
        int sentBefore = successfulCalls().size();

        republishEveryRecord();
        for (String consumer : CONSUMERS) {
            suite.stop(consumer);
            rewindToTheBeginning(groups.get(consumer));
            suite.restart(consumer);
        }
        for (String consumer : CONSUMERS) {
            awaitNoLag(groups.get(consumer));
        }

        assertThat(observableState()).isEqualTo(before);
        Thread.sleep(2_000);
        assertThat(successfulCalls()).as("no job sent again").hasSize(sentBefore);
    }

    @Test
    @Order(9)
    void everyServiceOperatesTheSameWay() throws Exception {
        for (ServiceSpec spec : LocalSuite.SERVICES) {
            String base = suite.service(spec.name()).baseUrl();
            assertThat(get(base + "/actuator/health/liveness").statusCode()).as(spec.name()).isEqualTo(200);
            assertThat(get(base + "/actuator/health/readiness").statusCode()).as(spec.name()).isEqualTo(200);
            List<String> samples = get(base + "/actuator/prometheus").body().lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
            assertThat(samples).as("%s metrics", spec.name()).isNotEmpty()
                    .allSatisfy(line -> assertThat(line).contains("application=\"" + spec.name() + "\""));
            assertThat(Files.readString(suite.logFile(spec.name()))).as("%s log format", spec.name())
                    .containsPattern("\\[traceId=\\S* spanId=\\S* eventId=\\S*\\] ");
        }
        for (String service : WITH_DEAD_LETTERS) {
            JsonNode listing = getJson(suite.service(service).baseUrl() + "/api/v1/admin/dead-letters?limit=10");
            assertThat(listing.get("remaining").isNumber()).as(service).isTrue();
            assertThat(listing.get("records").isArray()).as(service).isTrue();
        }
        // The job that always failed is parked in the worker's dead-letter queue, and the listing says why.
        JsonNode parked = getJson(suite.service("notification-worker").baseUrl() + "/api/v1/admin/dead-letters");
        String doomedJob = webhook.callsForClient(DOOMED_CLIENT).get(0).jobId();
        assertThat(parked.get("records")).anySatisfy(job -> {
            assertThat(job.get("messageId").asText()).isEqualTo(doomedJob);
            assertThat(job.get("failureClass").asText()).isEqualTo("TRANSIENT");
            assertThat(job.get("attempts").asInt()).isEqualTo(4);
        });
    }

    @Test
    @Order(10)
    void oneTracePerTransactionRunsThroughAllSixServices() throws Exception {
        String traceId = randomHex(32);
        String callerSpan = randomHex(16);
        JsonNode created = postOutsideTheRecord(TRACED_CLIENT, new BigDecimal("25000.00"),
                "00-" + traceId + "-" + callerSpan + "-01");

        await().atMost(Duration.ofMinutes(2)).until(() -> !webhook.callsForClient(TRACED_CLIENT).isEmpty());
        WebhookReceiver.Call call = webhook.callsForClient(TRACED_CLIENT).get(0);
        assertThat(call.transactionId()).isEqualTo(created.path("id").asText());
        assertThat(call.traceparent()).as("the webhook call continues the transaction's trace").contains(traceId);

        List<JsonNode> spans = await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                .until(() -> trace(traceId), found -> spansOf(found, "notification-worker", "CLIENT").size() > 0
                        && services(found).containsAll(SIX_SERVICES));
        Map<String, JsonNode> byId = new HashMap<>();
        spans.forEach(span -> byId.put(span.path("id").asText(), span));
        // One trace, not a trace per hop: every span hangs off another span of it, up to the caller of the POST.
        assertThat(spans).allSatisfy(span -> assertThat(span.path("parentId").asText())
                .as("parent of %s %s", service(span), span.path("name").asText())
                .isIn(concat(List.copyOf(byId.keySet()), List.of(callerSpan))));
        JsonNode post = spansOf(spans, "transaction-service", "SERVER").get(0);
        assertThat(post.path("parentId").asText()).isEqualTo(callerSpan);
        // The relay continues the context stored with the outbox row: its publish descends from the POST.
        JsonNode relayPublish = spansOf(spans, "outbox-relay", "PRODUCER").get(0);
        assertThat(ancestors(relayPublish, byId)).contains(post.path("id").asText());
        for (String consumer : CONSUMERS) {
            assertThat(spansOf(spans, consumer, "CONSUMER")).as(consumer + " processing").isNotEmpty()
                    .allSatisfy(span -> assertThat(ancestors(span, byId)).contains(relayPublish.path("id").asText()));
        }
        // fraud's job publish, the worker's delivery (the AMQP client and Spring AMQP each make a consumer span),
        // and its webhook call, each a descendant of the one before.
        JsonNode jobPublish = spansOf(spans, "fraud-service", "PRODUCER").get(0);
        assertThat(ancestors(jobPublish, byId)).contains(relayPublish.path("id").asText());
        JsonNode webhookCall = spansOf(spans, "notification-worker", "CLIENT").get(0);
        List<String> webhookAncestors = ancestors(webhookCall, byId);
        assertThat(spansOf(spans, "notification-worker", "CONSUMER")).as("the job's delivery")
                .anySatisfy(delivery -> {
                    assertThat(webhookAncestors).contains(delivery.path("id").asText());
                    assertThat(ancestors(delivery, byId)).contains(jobPublish.path("id").asText());
                });
        // Log lines inside a span carry its trace id.
        assertThat(Files.readString(suite.logFile("fraud-service")))
                .containsPattern("\\[traceId=" + traceId + " spanId=[0-9a-f]{16} eventId=[0-9a-f-]{36}\\] .*flagged");
    }

    @Test
    @Order(10)
    void aCardPaymentIsChargedOnceThroughTheRetriesOrFailsAndIsParkedAndTheTransactionShowsTheOutcome()
            throws Exception {
        String worker = suite.service("notification-worker").baseUrl();
        String flaky = postOutsideTheRecord(CHARGED_CLIENT, new BigDecimal("42.00"), null, "card-fails-2-e2e")
                .path("id").asText();
        String down = postOutsideTheRecord(CHARGED_CLIENT, new BigDecimal("43.00"), null, "card-down-e2e")
                .path("id").asText();
        String declined = postOutsideTheRecord(CHARGED_CLIENT, new BigDecimal("44.00"), null, "card-declined-e2e")
                .path("id").asText();

        JsonNode settled = awaitCharge(worker, flaky);
        assertThat(settled.get("status").asText()).isEqualTo("SETTLED");
        assertThat(settled.get("attempts").asInt()).as("failed twice, settled on the third").isEqualTo(3);
        assertThat(suite.cardProcessor().calls(flaky)).isEqualTo(3);
        assertThat(suite.cardProcessor().charges(flaky)).as("charged once").isEqualTo(1);

        JsonNode failed = awaitCharge(worker, down);
        assertThat(failed.get("status").asText()).isEqualTo("FAILED");
        assertThat(failed.get("attempts").asInt()).as("the first attempt and three retries").isEqualTo(4);
        assertThat(suite.cardProcessor().charges(down)).isZero();
        JsonNode parked = getJson(worker + "/api/v1/admin/dead-letters?source="
                + rabbitName(RabbitTopology.CHARGES_DEAD_LETTER_QUEUE));
        assertThat(parked.get("records")).anySatisfy(record -> assertThat(record.get("body").asText())
                .contains(down));

        JsonNode refused = awaitCharge(worker, declined);
        assertThat(refused.get("status").asText()).isEqualTo("DECLINED");
        assertThat(refused.get("attempts").asInt()).isEqualTo(1);

        // Each outcome travelled back (the worker's outbox, RabbitMQ) and is the transaction's status.
        assertThat(awaitTransactionStatus(flaky, "SETTLED").has("statusReason")).isFalse();
        assertThat(awaitTransactionStatus(down, "FAILED").get("statusReason").asText()).contains("retries exhausted");
        assertThat(awaitTransactionStatus(declined, "DECLINED").get("statusReason").asText())
                .isEqualTo(refused.get("reason").asText());
    }

    /** Last: it kills notification-worker, which the alerts and dashboards above must see running. */
    @Test
    @Order(16)
    void aWorkerKilledWhileTheProcessorChargesAsksAgainWithTheSameKeyAndTheCardIsChargedOnce() throws Exception {
        String worker = suite.service("notification-worker").baseUrl();
        // The simulator takes the money at once and answers 4 s later: the worker dies waiting for the answer.
        String slow = postOutsideTheRecord(CHARGED_CLIENT, new BigDecimal("45.00"), null, "card-slow-4-e2e")
                .path("id").asText();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> suite.cardProcessor().calls(slow) >= 1);
        suite.kill("notification-worker");
        assertThat(suite.cardProcessor().charges(slow)).as("charged before the crash").isEqualTo(1);

        suite.restart("notification-worker");

        // The unacked request came back; the new worker asked again with the same key and got the first answer.
        assertThat(awaitTransactionStatus(slow, "SETTLED").has("statusReason")).isFalse();
        assertThat(awaitCharge(worker, slow).get("status").asText()).isEqualTo("SETTLED");
        assertThat(suite.cardProcessor().calls(slow)).as("asked again after the crash").isGreaterThanOrEqualTo(2);
        assertThat(suite.cardProcessor().charges(slow)).as("charged once").isEqualTo(1);
    }

    @Test
    @Order(10)
    void aLimitChangeAndABlockApplyToTheClientsLaterTransactions() throws Exception {
        String client = suite.service("transaction-service").baseUrl() + "/api/v1/clients/" + LIMITED_CLIENT;
        assertThat(put(client, "{\"status\":\"ACTIVE\",\"segment\":\"RETAIL\",\"country\":\"DE\"}", null))
                .isEqualTo(201);
        assertThat(put(client + "/limits", "{\"limits\":[{\"currency\":\"EUR\",\"singleTransactionLimit\":"
                + "\"100.00\",\"dailyLimit\":\"150.00\"}]}", null)).isEqualTo(201);

        // Below the amount threshold and the velocity rule: only the client's own limits can flag them.
        String overSingle = postOutsideTheRecord(LIMITED_CLIENT, new BigDecimal("120.00"), null).path("id").asText();
        String overDaily = postOutsideTheRecord(LIMITED_CLIENT, new BigDecimal("90.00"), null).path("id").asText();
        assertThat(put(client, "{\"status\":\"BLOCKED\",\"segment\":\"RETAIL\",\"country\":\"DE\"}", "\"1\""))
                .isEqualTo(200);
        String whileBlocked = postOutsideTheRecord(LIMITED_CLIENT, new BigDecimal("5.00"), null).path("id").asText();

        assertThat(reasonsOf(overSingle)).containsExactly("SINGLE_TRANSACTION_LIMIT_EXCEEDED");
        assertThat(reasonsOf(overDaily)).as("120 + 90 over the daily 150").containsExactly("DAILY_LIMIT_EXCEEDED");
        assertThat(reasonsOf(whileBlocked)).contains("CLIENT_BLOCKED");
        // Each of them an alert on both fanout queues: the audit log has them all.
        String worker = suite.service("notification-worker").baseUrl();
        for (String transactionId : List.of(overSingle, overDaily, whileBlocked)) {
            await().atMost(Duration.ofMinutes(1)).until(() -> getJson(worker + "/api/v1/audit/alerts?transactionId="
                    + transactionId).size() == 1);
        }
    }

    @Test
    @Order(11)
    void prometheusScrapesEveryServiceAndRabbitMq() {
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
            List<JsonNode> targets = new ArrayList<>();
            prometheus("/api/v1/targets").path("data").path("activeTargets").forEach(targets::add);
            assertThat(targets).extracting(t -> t.path("labels").path("job").asText())
                    .contains("banksuite", "rabbitmq", "rabbitmq-queues");
            assertThat(targets).filteredOn(t -> t.path("labels").path("job").asText().equals("banksuite"))
                    .hasSize(LocalSuite.SERVICES.size());
            assertThat(targets).allSatisfy(t -> assertThat(t.path("health").asText())
                    .as("%s %s", t.path("labels").path("job").asText(), t.path("scrapeUrl").asText())
                    .isEqualTo("up"));
        });
    }

    @Test
    @Order(12)
    void aStoppedConsumersLagAlertFiresAndResolvesWhenItResumes() {
        startTrickle();
        Map<String, String> analytics = Map.of("group", groups.get("analytics-service"));
        suite.suspend("analytics-service");
        try {
            awaitAlert("ConsumerTimeLagHigh", analytics, "firing", Duration.ofMinutes(2));
        } finally {
            suite.resume("analytics-service");
        }
        await("the lag alert resolves").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                .until(() -> alertState("ConsumerTimeLagHigh", analytics) == null);
    }

    @Test
    @Order(13)
    void aJobParkedInTheDeadLetterQueueFiresTheDlqAlert() {
        // The doomed client's job reached the DLQ earlier (test 7), after Prometheus started.
        awaitAlert("NotificationDlqGrowing", Map.of(), "firing", Duration.ofMinutes(1));
    }

    @Test
    @Order(14)
    void aPoisonRecordFiresTheDeadLetterTopicAlertOfEveryGroup() throws Exception {
        Properties config = kafkaConfig();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.CLIENT_EVENTS_NAME,
                    "client-poison".getBytes(StandardCharsets.UTF_8),
                    "not confluent avro".getBytes(StandardCharsets.UTF_8))).get();
        }
        for (String consumer : CONSUMERS) {
            awaitAlert("DeadLettersParked", Map.of("group", groups.get(consumer)), "firing", Duration.ofMinutes(1));
        }
    }

    @Test
    @Order(15)
    void everyDashboardQueryReturnsData() throws Exception {
        Path dashboards = SuiteRoot.path().resolve("deploy/observability/grafana/dashboards");
        List<String> broken = new ArrayList<>();
        int evaluated = 0;
        try (var files = Files.list(dashboards)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode dashboard = JSON.readTree(file.toFile());
                boolean perApplication = dashboard.toString().contains("$application");
                List<String> applications = perApplication
                        ? LocalSuite.SERVICES.stream().map(ServiceSpec::name).toList() : List.of("");
                for (JsonNode target : targets(dashboard)) {
                    for (String application : applications) {
                        String expr = target.path("expr").asText().replace("$__rate_interval", "1m")
                                .replace("$__range", "5m").replace("$application", application);
                        JsonNode result = prometheus("/api/v1/query?query="
                                + URLEncoder.encode(expr, StandardCharsets.UTF_8));
                        evaluated++;
                        if (!"success".equals(result.path("status").asText())
                                || result.path("data").path("result").isEmpty()) {
                            broken.add(file.getFileName() + " [" + application + "] " + expr + " -> " + result);
                        }
                    }
                }
            }
        }
        assertThat(evaluated).as("expressions evaluated").isGreaterThan(50);
        assertThat(broken).as("dashboard expressions that return no series").isEmpty();
    }

    // ---- what the test posts

    private void postAll(ExecutorService posters, List<String> clients, int from, int to) throws Exception {
        postAll(posters, clients, from, to, new AtomicInteger());
    }

    private void postAll(ExecutorService posters, List<String> clients, int from, int to, AtomicInteger counter)
            throws Exception {
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < clients.size(); c++) {
            String client = clients.get(c);
            int clientIndex = c;
            futures.add(posters.submit(() -> {
                for (int i = from; i < to; i++) {
                    post(client, amount(clientIndex, i), clientIndex % 3 == 0 ? "USD" : "EUR");
                    counter.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
    }

    /** Mostly small amounts; the fourth transaction of every fifth client is over the threshold. */
    private static BigDecimal amount(int client, int index) {
        if (client % 5 == 0 && index == 3) {
            return new BigDecimal("12500.75");
        }
        return new BigDecimal((client + 1) * 100 + index * 7).add(new BigDecimal("0.25"));
    }

    private void post(String clientId, BigDecimal amount, String currency) throws IOException, InterruptedException {
        String body = JSON.createObjectNode()
                .put("clientId", clientId).put("amount", amount.toPlainString()).put("currency", currency)
                .put("type", "PAYMENT").put("merchantId", "m-" + (amount.intValue() % 7))
                .put("merchantCategory", amount.intValue() % 2 == 0 ? "5411" : "5812").put("merchantCountry", "DE")
                .put("channel", "WEB").toString();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(suite.service("transaction-service").baseUrl() + "/api/v1/transactions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode created = JSON.readTree(response.body());
        postedByClient.computeIfAbsent(clientId, c -> Collections.synchronizedList(new ArrayList<>()))
                .add(new Posted(created.path("id").asText(), clientId, amount, currency,
                        Instant.parse(created.path("occurredAt").asText())));
    }

    /** Posts a transaction that the earlier tests do not count, with a traceparent of the caller's; returns it. */
    private JsonNode postOutsideTheRecord(String clientId, BigDecimal amount, String traceparent) throws Exception {
        return postOutsideTheRecord(clientId, amount, traceparent, null);
    }

    private JsonNode postOutsideTheRecord(String clientId, BigDecimal amount, String traceparent, String cardId)
            throws Exception {
        var json = JSON.createObjectNode().put("clientId", clientId).put("amount", amount.toPlainString())
                .put("currency", "EUR").put("type", "PAYMENT").put("channel", "WEB");
        if (cardId != null) {
            json.put("cardId", cardId).put("merchantId", "m-e2e");
        }
        String body = json.toString();
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(suite.service("transaction-service").baseUrl() + "/api/v1/transactions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (traceparent != null) {
            request.header(MessageHeaders.TRACEPARENT, traceparent);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body());
    }

    /** A steady trickle of small transactions while the alert tests run. */
    private void startTrickle() {
        trickle.scheduleWithFixedDelay(() -> {
            try {
                postOutsideTheRecord(TRICKLE_CLIENT, new BigDecimal("1.00"), null);
            } catch (Exception e) {
                System.err.println("trickle: " + e);
            }
        }, 0, 300, TimeUnit.MILLISECONDS);
    }

    private List<Posted> allPosted() {
        return postedByClient.values().stream().flatMap(List::stream).toList();
    }

    private int totalPosted() {
        return allPosted().size();
    }

    /** The fraud rules applied to what was posted, independently of fraud-service's code. */
    private Set<String> expectedFlagged() {
        Set<String> flagged = new HashSet<>();
        postedByClient.forEach((client, posted) -> {
            for (int i = 0; i < posted.size(); i++) {
                Posted tx = posted.get(i);
                Instant windowStart = tx.occurredAt().minus(VELOCITY_WINDOW);
                long inWindow = posted.subList(0, i + 1).stream()
                        .filter(p -> p.occurredAt().isAfter(windowStart)).count();
                if (tx.amount().compareTo(AMOUNT_THRESHOLD) > 0 || inWindow > VELOCITY_MAX) {
                    flagged.add(tx.transactionId());
                }
            }
        });
        return flagged;
    }

    // ---- how the suite is configured for the test

    private List<String> argsFor(String service) {
        return switch (service) {
            case "notification-worker" -> concat(workerQueues(Duration.ofMillis(300)), List.of(
                    "--charge.processor.url=http://127.0.0.1:" + cardProcessorPort,
                    "--charge.outcomes.exchange=" + rabbitName(RabbitTopology.CHARGE_OUTCOMES_EXCHANGE),
                    "--notification.provider.type=webhook",
                    "--notification.provider.webhook.url=" + webhook.url(),
                    "--notification.provider.webhook.signing-secret=" + WebhookReceiver.SECRET));
            case "fraud-service" -> List.of(
                    "--notification.exchange=" + rabbitName(RabbitTopology.FRAUD_ALERTS_EXCHANGE),
                    "--charge.exchange=" + rabbitName(RabbitTopology.CHARGES_EXCHANGE),
                    "--fraud.rules.amount-threshold.default=" + AMOUNT_THRESHOLD,
                    "--fraud.rules.velocity.max-transactions=" + VELOCITY_MAX,
                    "--fraud.rules.velocity.window=" + VELOCITY_WINDOW);
            case "transaction-service" -> List.of(
                    "--charge-outcomes.exchange=" + rabbitName(RabbitTopology.CHARGE_OUTCOMES_EXCHANGE),
                    "--charge-outcomes.queue=" + rabbitName(RabbitTopology.TRANSACTION_CHARGE_OUTCOMES_QUEUE),
                    "--charge-outcomes.dead-letter="
                            + rabbitName(RabbitTopology.TRANSACTION_CHARGE_OUTCOMES_DEAD_LETTER_QUEUE));
            // Read the broker every second, so a lag alert does not wait for the default 10 s.
            case "lag-exporter" -> List.of("--lag.poll-interval=1s");
            default -> List.of();
        };
    }

    /**
     * The alerts fanout and the worker's queues (notifications, audit, charges), renamed into this run, each queue's
     * retry tiers shortened: the n-th lasts n times {@code unit} (the charges' one delay queue, {@code unit}).
     */
    private List<String> workerQueues(Duration unit) {
        List<String> args = new ArrayList<>();
        args.add("--worker.alerts-exchange=" + rabbitName(RabbitTopology.FRAUD_ALERTS_EXCHANGE));
        for (RabbitTopology.WorkQueue queue : RabbitTopology.WORKER_QUEUES) {
            String prefix = "--worker.queues." + queue.name() + ".";
            args.add(prefix + "exchange=" + rabbitName(queue.exchange()));
            args.add(prefix + "work=" + rabbitName(queue.queue()));
            args.add(prefix + "dead-letter=" + rabbitName(queue.deadLetter()));
            List<RabbitTopology.RetryTier> tiers = queue.tiers();
            for (int i = 0; i < tiers.size(); i++) {
                String tier = prefix + "tiers[" + i + "].";
                args.add(tier + "name=" + tiers.get(i).name());
                args.add(tier + "queue=" + rabbitName(tiers.get(i).queue()));
                // Tiers that share one delay queue (the charges') share its TTL too.
                boolean shared = queue.tiers().stream().map(RabbitTopology.RetryTier::queue).distinct().count() == 1;
                args.add(tier + "ttl=" + unit.multipliedBy(shared ? 1 : i + 1).toMillis() + "ms");
            }
        }
        return args;
    }

    private String rabbitName(String name) {
        return rabbitPrefix + name;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private ConnectionFactory rabbit() {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(5672);
        factory.setUsername("guest");
        factory.setPassword("guest");
        return factory;
    }

    private void deleteRabbitQueues() throws Exception {
        try (com.rabbitmq.client.Connection connection = rabbit().newConnection();
             com.rabbitmq.client.Channel channel = connection.createChannel()) {
            for (RabbitTopology.WorkQueue queue : RabbitTopology.WORKER_QUEUES) {
                for (String name : queue.queues()) {
                    channel.queueDelete(rabbitName(name));
                }
                channel.exchangeDelete(rabbitName(queue.exchange()));
            }
            channel.exchangeDelete(rabbitName(RabbitTopology.FRAUD_ALERTS_EXCHANGE));
        }
    }

    // ---- reading the outcome

    /**
     * The events the consumer applied, in the order it applied them, from its own database; for analytics, the
     * transactions it keeps in ClickHouse (copies collapsed, as every query reads them), in stream order.
     */
    private List<String> appliedEventIds(String consumer) throws SQLException {
        if (suite.service(consumer).clickHouse()) {
            return archivedTransactionIds();
        }
        List<String> ids = new ArrayList<>();
        String database = suite.service(consumer).database();
        // The consumer group's rows only: ml-service's inbox also holds its daily-spend consumer's.
        try (java.sql.Connection connection = DriverManager.getConnection(PostgresDatabases.jdbcUrl(database),
                PostgresDatabases.username(), PostgresDatabases.password());
             var query = connection.prepareStatement(
                     "SELECT event_id FROM inbox_processed_event WHERE consumer_group = ? ORDER BY seq")) {
            query.setString(1, groups.get(consumer));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }

    private List<String> archivedTransactionIds() {
        String sql = "SELECT toString(event_id) FROM bank_analytics.client_events FINAL"
                + " WHERE event_type = '" + Topics.TRANSACTION_CREATED.name() + "'"
                + " ORDER BY kafka_partition, kafka_offset FORMAT TabSeparated";
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(suite.clickHouse().url()))
                    .POST(HttpRequest.BodyPublishers.ofString(sql)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                // The table appears with analytics' first start; until then nothing is kept.
                return List.of();
            }
            return response.body().lines().filter(line -> !line.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitInboxCount(String consumer, int count) {
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500))
                .until(() -> appliedEventIds(consumer).size() >= count);
    }

    private List<WebhookReceiver.Call> successfulCalls() {
        return webhook.calls().stream().filter(call -> call.status() == 200).toList();
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A PUT with a JSON body (and If-Match, when given); its status. */
    private int put(String url, String body, String ifMatch) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    /** The reasons of fraud's decision on the transaction, once it has one. */
    private List<String> reasonsOf(String transactionId) {
        String url = suite.service("fraud-service").baseUrl() + "/api/v1/fraud/decisions/" + transactionId;
        JsonNode decision = await().atMost(Duration.ofMinutes(1)).until(() -> {
            HttpResponse<String> response = get(url);
            return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
        }, Objects::nonNull);
        List<String> reasons = new ArrayList<>();
        decision.path("reasons").forEach(reason -> reasons.add(reason.asText()));
        return reasons;
    }

    /** The transaction as transaction-service shows it, once its status is {@code status}. */
    private JsonNode awaitTransactionStatus(String transactionId, String status) {
        String url = suite.service("transaction-service").baseUrl() + "/api/v1/transactions/" + transactionId;
        return await().atMost(Duration.ofSeconds(60)).until(() -> getJson(url),
                shown -> status.equals(shown.path("status").asText()));
    }

    /** The worker's charge outcome of the transaction, once it has one. */
    private JsonNode awaitCharge(String worker, String transactionId) {
        return await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500)).until(() -> {
            HttpResponse<String> response = get(worker + "/api/v1/charges/" + transactionId);
            return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
        }, Objects::nonNull);
    }

    private JsonNode getJson(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = get(url);
        assertThat(response.statusCode()).as("GET %s: %s", url, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** Everything the three consumers show through their APIs and their inboxes. */
    private Map<String, Object> observableState() throws Exception {
        Map<String, Object> state = new TreeMap<>();
        for (String consumer : CONSUMERS) {
            state.put(consumer + " inbox", appliedEventIds(consumer));
        }
        for (Posted posted : allPosted()) {
            state.put("decision " + posted.transactionId(), getJson(suite.service("fraud-service").baseUrl()
                    + "/api/v1/fraud/decisions/" + posted.transactionId()));
        }
        for (String client : postedByClient.keySet()) {
            state.put("features " + client, getJson(suite.service("ml-service").baseUrl() + "/api/v1/clients/"
                    + client + "/features"));
        }
        Instant from = allPosted().stream().map(Posted::occurredAt).min(Instant::compareTo).orElseThrow()
                .minus(Duration.ofMinutes(2));
        state.put("analytics", getJson(suite.service("analytics-service").baseUrl() + "/api/v1/analytics/minutes?from="
                + from + "&to=" + from.plus(Duration.ofHours(1))));
        return state;
    }

    // ---- traces and Prometheus

    private List<JsonNode> trace(String traceId) throws IOException, InterruptedException {
        HttpResponse<String> response = get(suite.zipkin().url() + "/api/v2/trace/" + traceId);
        List<JsonNode> spans = new ArrayList<>();
        if (response.statusCode() == 200) {
            JSON.readTree(response.body()).forEach(spans::add);
        }
        return spans;
    }

    private static String service(JsonNode span) {
        return span.path("localEndpoint").path("serviceName").asText();
    }

    private static Set<String> services(List<JsonNode> spans) {
        return spans.stream().map(EndToEndIT::service).collect(Collectors.toSet());
    }

    private static List<JsonNode> spansOf(List<JsonNode> spans, String service, String kind) {
        return spans.stream().filter(span -> service(span).equals(service) && kind.equals(span.path("kind").asText()))
                .toList();
    }

    /** The ids of the span's parent, its parent's parent, and so on, as far as the trace holds them. */
    private static List<String> ancestors(JsonNode span, Map<String, JsonNode> byId) {
        List<String> ancestors = new ArrayList<>();
        JsonNode current = span;
        while (current != null && current.hasNonNull("parentId") && ancestors.size() < 100) {
            String parent = current.path("parentId").asText();
            ancestors.add(parent);
            current = byId.get(parent);
        }
        return ancestors;
    }

    private static String randomHex(int digits) {
        StringBuilder hex = new StringBuilder();
        while (hex.length() < digits) {
            hex.append(UUID.randomUUID().toString().replace("-", ""));
        }
        return hex.substring(0, digits);
    }

    private JsonNode prometheus(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> response = get(suite.prometheus().url() + pathAndQuery);
        assertThat(response.statusCode()).as("Prometheus %s: %s", pathAndQuery, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** The state (pending, firing) of the alert whose labels include {@code labels}; null when it is not active. */
    private String alertState(String alertName, Map<String, String> labels) throws IOException, InterruptedException {
        for (JsonNode alert : prometheus("/api/v1/alerts").path("data").path("alerts")) {
            JsonNode alertLabels = alert.path("labels");
            if (alertLabels.path("alertname").asText().equals(alertName) && labels.entrySet().stream()
                    .allMatch(e -> alertLabels.path(e.getKey()).asText().equals(e.getValue()))) {
                return alert.path("state").asText();
            }
        }
        return null;
    }

    private void awaitAlert(String alertName, Map<String, String> labels, String state, Duration timeout) {
        await(alertName + " " + labels + " " + state).atMost(timeout).pollInterval(Duration.ofSeconds(1))
                .until(() -> state.equals(alertState(alertName, labels)));
    }

    /** Every target of the dashboard's panels, rows and collapsed rows included. */
    private static List<JsonNode> targets(JsonNode dashboard) {
        List<JsonNode> targets = new ArrayList<>();
        Deque<JsonNode> panels = new ArrayDeque<>();
        dashboard.path("panels").forEach(panels::add);
        while (!panels.isEmpty()) {
            JsonNode panel = panels.pop();
            panel.path("panels").forEach(panels::add);
            panel.path("targets").forEach(target -> {
                if (target.hasNonNull("expr") && !target.path("expr").asText().isBlank()) {
                    targets.add(target);
                }
            });
        }
        return targets;
    }

    private Properties kafkaConfig() {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafka().bootstrapServers());
        return config;
    }

    /** Reads every record of the topic as raw bytes and checks the wire format and the key of each. */
    private void readBackTheTopic() {
        Properties config = kafkaConfig();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, run + "-reader");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // A reader that commits would show up as a consumer group that is down while its lag grows.
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        RestSchemaRegistryClient registry = new RestSchemaRegistryClient(suite.registry().url());
        ConfluentAvroDeserializer avro = new ConfluentAvroDeserializer(registry, true);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.CLIENT_EVENTS.name()));
            await().atMost(Duration.ofMinutes(1)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    assertThat(record.value()[0]).isEqualTo(WireFormat.MAGIC_BYTE);
                    assertThat(registry.getById(WireFormat.schemaId(record.value())))
                            .isEqualTo(TransactionCreated.getClassSchema());
                    TransactionCreated event = (TransactionCreated) avro.deserialize(record.topic(), record.value());
                    assertThat(record.key()).as("record key").isEqualTo(event.getClientId());
                    events.put(event.getEventId(), event);
                }
                return events.size() >= totalPosted();
            });
        }
    }

    private void republishEveryRecord() throws Exception {
        Properties config = kafkaConfig();
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.GROUP_ID_CONFIG, run + "-republisher");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.CLIENT_EVENTS.name()));
            await().atMost(Duration.ofMinutes(1)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
                return records.stream().map(r -> new String(r.key(), StandardCharsets.UTF_8) + r.offset()
                        + r.partition()).distinct().count() >= totalPosted();
            });
        }
        Properties producerConfig = kafkaConfig();
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (ConsumerRecord<byte[], byte[]> record : records) {
                producer.send(new ProducerRecord<>(record.topic(), null, record.key(), record.value(),
                        record.headers())).get();
            }
        }
    }

    private void rewindToTheBeginning(String group) throws Exception {
        try (Admin admin = Admin.create(kafkaConfig())) {
            Map<TopicPartition, OffsetAndMetadata> beginning = new HashMap<>();
            for (int partition = 0; partition < Topics.CLIENT_EVENTS.partitions(); partition++) {
                beginning.put(new TopicPartition(Topics.CLIENT_EVENTS.name(), partition), new OffsetAndMetadata(0));
            }
            // The group must have no live member; a member that stopped gracefully left it at once.
            await().atMost(Duration.ofMinutes(1)).ignoreExceptions().until(() -> {
                admin.alterConsumerGroupOffsets(group, beginning).all().get();
                return true;
            });
        }
    }

    private void awaitNoLag(String group) {
        try (Admin admin = Admin.create(kafkaConfig())) {
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                for (int partition = 0; partition < Topics.CLIENT_EVENTS.partitions(); partition++) {
                    latest.put(new TopicPartition(Topics.CLIENT_EVENTS.name(), partition), OffsetSpec.latest());
                }
                var ends = admin.listOffsets(latest).all().get();
                return ends.entrySet().stream().allMatch(end -> committed.get(end.getKey()) != null
                        && committed.get(end.getKey()).offset() >= end.getValue().offset());
            });
        }
    }
}
