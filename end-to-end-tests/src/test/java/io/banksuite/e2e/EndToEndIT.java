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
import io.banksuite.schemas.RabbitTopology;
import io.banksuite.schemas.Topics;
import io.banksuite.schemas.serde.ConfluentAvroDeserializer;
import io.banksuite.schemas.serde.RestSchemaRegistryClient;
import io.banksuite.schemas.serde.WireFormat;
import java.io.IOException;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

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
                FreePorts.next(), FreePorts.next(), FreePorts.next(), services, true, LocalSuite.javaOptions()));

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
        List<String> rabbitNames = List.of(
                "--notification.exchange=" + rabbitName(RabbitTopology.NOTIFICATIONS_EXCHANGE),
                "--notification.queues.work=" + rabbitName(RabbitTopology.NOTIFICATION_JOBS_QUEUE),
                "--notification.queues.dead-letter=" + rabbitName(RabbitTopology.NOTIFICATIONS_DEAD_LETTER_QUEUE));
        return switch (service) {
            case "notification-worker" -> concat(concat(rabbitNames, retryTiers(Duration.ofMillis(300))), List.of(
                    "--notification.provider.type=webhook",
                    "--notification.provider.webhook.url=" + webhook.url()));
            case "fraud-service" -> List.of(
                    "--notification.exchange=" + rabbitName(RabbitTopology.NOTIFICATIONS_EXCHANGE),
                    "--fraud.rules.amount-threshold.default=" + AMOUNT_THRESHOLD,
                    "--fraud.rules.velocity.max-transactions=" + VELOCITY_MAX,
                    "--fraud.rules.velocity.window=" + VELOCITY_WINDOW);
            default -> List.of();
        };
    }

    /** The suite's retry tiers, renamed into this run and shortened: the n-th lasts n times {@code unit}. */
    private List<String> retryTiers(Duration unit) {
        List<String> args = new ArrayList<>();
        List<RabbitTopology.RetryTier> tiers = RabbitTopology.NOTIFICATION_RETRY_TIERS;
        for (int i = 0; i < tiers.size(); i++) {
            String tier = "--notification.retry.tiers[" + i + "].";
            args.add(tier + "name=" + tiers.get(i).name());
            args.add(tier + "queue=" + rabbitName(tiers.get(i).queue()));
            args.add(tier + "ttl=" + unit.multipliedBy(i + 1).toMillis() + "ms");
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
            channel.queueDelete(rabbitName(RabbitTopology.NOTIFICATION_JOBS_QUEUE));
            channel.queueDelete(rabbitName(RabbitTopology.NOTIFICATIONS_DEAD_LETTER_QUEUE));
            for (RabbitTopology.RetryTier tier : RabbitTopology.NOTIFICATION_RETRY_TIERS) {
                channel.queueDelete(rabbitName(tier.queue()));
            }
            channel.exchangeDelete(rabbitName(RabbitTopology.NOTIFICATIONS_EXCHANGE));
        }
    }

    // ---- reading the outcome

    /** The events the consumer applied, in the order it applied them, from its own database. */
    private List<String> appliedEventIds(String consumer) throws SQLException {
        List<String> ids = new ArrayList<>();
        String database = suite.service(consumer).database();
        try (java.sql.Connection connection = DriverManager.getConnection(PostgresDatabases.jdbcUrl(database),
                PostgresDatabases.username(), PostgresDatabases.password());
             ResultSet rows = connection.createStatement()
                     .executeQuery("SELECT event_id FROM inbox_processed_event ORDER BY seq")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
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
        RestSchemaRegistryClient registry = new RestSchemaRegistryClient(suite.registry().url());
        ConfluentAvroDeserializer avro = new ConfluentAvroDeserializer(registry, true);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.TRANSACTION_CREATED.name()));
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
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.TRANSACTION_CREATED.name()));
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
            for (int partition = 0; partition < Topics.TRANSACTION_CREATED.partitions(); partition++) {
                beginning.put(new TopicPartition(Topics.TRANSACTION_CREATED.name(), partition), new OffsetAndMetadata(0));
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
                for (int partition = 0; partition < Topics.TRANSACTION_CREATED.partitions(); partition++) {
                    latest.put(new TopicPartition(Topics.TRANSACTION_CREATED.name(), partition), OffsetSpec.latest());
                }
                var ends = admin.listOffsets(latest).all().get();
                return ends.entrySet().stream().allMatch(end -> committed.get(end.getKey()) != null
                        && committed.get(end.getKey()).offset() >= end.getValue().offset());
            });
        }
    }
}
