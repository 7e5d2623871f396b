package io.banksuite.ml;

import static io.banksuite.inbox.testing.TransactionEvents.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import io.banksuite.events.ClientDailySpend;
import io.banksuite.events.ClientStatus;
import io.banksuite.events.TransactionCreated;
import io.banksuite.inbox.testing.ClientEvents;
import io.banksuite.inbox.testing.InboxConsumerDriver;
import io.banksuite.inbox.testing.InboxServiceTest;
import io.banksuite.inbox.testing.KafkaTestClients;
import io.banksuite.ml.adapter.in.streams.DailySpendStreamProperties;
import io.banksuite.schemas.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The daily-spend step within one JVM, on real infrastructure ({@link InboxServiceTest}): the stream folds the
 * client stream's transactions into {@code client.daily-spend}, the read_committed consumer keeps them, and the
 * endpoint serves them. What a crash does to it is {@link DailySpendKillIT}'s.
 */
@InboxServiceTest
@TestPropertySource(properties = MlServiceIT.STATE_DIR)
class DailySpendIT {

    static final Duration TIMEOUT = InboxConsumerDriver.TIMEOUT;

    /** Yesterday and today: days a test may use whatever the date it runs on. */
    private static final Instant TODAY = Instant.now().truncatedTo(ChronoUnit.DAYS);
    private static final Instant YESTERDAY = TODAY.minus(1, ChronoUnit.DAYS);

    @RegisterExtension
    final InboxConsumerDriver inbox = new InboxConsumerDriver();

    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    DailySpendStreamProperties stream;
    @Autowired
    JsonMapper json;
    @Value("${spring.kafka.properties.schema.registry.url}")
    String registryUrl;

    private KafkaTestClients kafka;

    @BeforeEach
    void clients() {
        kafka = new KafkaTestClients(broker.getBrokersAsString(), registryUrl);
    }

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void foldsEachTransactionIntoItsClientsSpendPerDayAndCurrencyOnce() throws Exception {
        String alice = client("alice");
        TransactionCreated first = payment(alice, 100, "EUR", TODAY.plusSeconds(60));
        List<TransactionCreated> events = List.of(first,
                payment(alice, 250, "EUR", TODAY.plusSeconds(120)),
                payment(alice, 999, "USD", TODAY.plusSeconds(180)),
                payment(alice, 7, "EUR", YESTERDAY.plusSeconds(60)));
        inbox.publish(events);
        // Not spend: another event type, and the first transaction again (as the relay may publish it twice).
        inbox.publishEvent(alice, ClientEvents.profile(alice, 1, ClientStatus.ACTIVE, "RETAIL", TODAY));
        inbox.publish(first);
        TransactionCreated last = payment(alice, 1, "EUR", TODAY.plusSeconds(240));
        inbox.publish(last);

        await().atMost(TIMEOUT).until(() -> outputsOf(alice).size() == 5
                && json.readTree(get(alice, TODAY)).get("byCurrency").size() == 2
                && json.readTree(get(alice, TODAY)).get("byCurrency").get(0).get("count").asLong() == 3);

        assertThat(outputsOf(alice)).extracting(ClientDailySpend::getCurrency, ClientDailySpend::getCount,
                        ClientDailySpend::getTotalMinor)
                .containsExactly(
                        tuple("EUR", 1L, 100L),
                        tuple("EUR", 2L, 350L),
                        tuple("USD", 1L, 999L),
                        tuple("EUR", 1L, 7L),
                        tuple("EUR", 3L, 351L));
        ClientDailySpend lastSpend = outputsOf(alice).get(4);
        assertThat(lastSpend.getDay()).isEqualTo(LocalDate.ofInstant(TODAY, ZoneOffset.UTC));
        assertThat(lastSpend.getTransactionId()).isEqualTo(last.getTransactionId());
        assertThat(lastSpend.getSourceEventId()).isEqualTo(last.getEventId());
        assertThat(lastSpend.getEventId()).isNotEqualTo(last.getEventId());

        JsonNode today = json.readTree(get(alice, TODAY));
        assertThat(today.get("clientId").asString()).isEqualTo(alice);
        assertThat(today.get("day").asString()).isEqualTo(LocalDate.ofInstant(TODAY, ZoneOffset.UTC).toString());
        assertThat(today.get("byCurrency").get(0).get("currency").asString()).isEqualTo("EUR");
        assertThat(today.get("byCurrency").get(0).get("totalMinor").asLong()).isEqualTo(351);
        assertThat(today.get("byCurrency").get(1).get("currency").asString()).isEqualTo("USD");
        assertThat(today.get("byCurrency").get(1).get("count").asLong()).isEqualTo(1);
        await().atMost(TIMEOUT).until(() -> json.readTree(get(alice, YESTERDAY)).get("byCurrency").size() == 1);
        // Without ?day=, today's (UTC).
        assertThat(json.readTree(inbox.get("/api/v1/clients/" + alice + "/daily-spend").body())).isEqualTo(today);
    }

    @Test
    void aDayWithoutTransactionsIsNothingSpentAndABadDayIsAProblem400() throws Exception {
        String nobody = client("nobody");
        assertThat(json.readTree(get(nobody, TODAY)).get("byCurrency").isEmpty()).isTrue();

        var response = inbox.get("/api/v1/clients/" + nobody + "/daily-spend?day=27-11-2026");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void aPoisonRecordOrARefusedTransactionIsParkedAndTheStreamGoesOn() throws Exception {
        String erin = client("erin");
        byte[] poison = inbox.publishPoison(erin);
        TransactionCreated refused = payment(erin, -5, "EUR", TODAY);
        byte[] refusedBytes = inbox.publishReturningBytes(refused);
        inbox.publish(payment(erin, 123, "EUR", TODAY));

        await().atMost(TIMEOUT).until(() -> outputsOf(erin).size() == 1);
        assertThat(outputsOf(erin).get(0).getTotalMinor()).isEqualTo(123);

        List<ConsumerRecord<byte[], byte[]>> parked = kafka.records(stream.deadLetterTopic(),
                r -> r.key() != null && new String(r.key(), StandardCharsets.UTF_8).equals(erin), TIMEOUT);
        assertThat(parked).hasSize(2);
        assertThat(parked.get(0).value()).isEqualTo(poison);
        assertThat(parked.get(1).value()).isEqualTo(refusedBytes);
        assertThat(stream.deadLetterTopic()).isEqualTo(Topics.CLIENT_EVENTS.deadLetterTopic("ml-daily-spend"));
        // Kafka Streams' own dead-letter headers say why.
        assertThat(KafkaTestClients.header(parked.get(1), "__streams.errors.exception"))
                .isEqualTo(IllegalArgumentException.class.getName());
        // Counted as the consumers' parked records are, so the suite's dead-letter alert sees them.
        String metrics = inbox.get("/actuator/prometheus").body();
        assertThat(metrics.lines().filter(line -> line.startsWith("inbox_events_dead_lettered_total{"))
                .filter(line -> line.contains("group=\"" + stream.applicationId() + "\"")))
                .anyMatch(line -> line.contains("exception=\"IllegalArgumentException\""))
                .anyMatch(line -> line.contains("exception=\"SerializationException\""));
        // The stream's own meters (spring-kafka's KafkaStreamsMicrometerListener).
        assertThat(metrics).contains("kafka_stream_alive_stream_threads");
    }

    private List<ClientDailySpend> outputsOf(String clientId) {
        return DailySpendRecords.read(broker.getBrokersAsString(), registryUrl, IsolationLevel.READ_COMMITTED)
                .stream().filter(spend -> spend.getClientId().equals(clientId)).toList();
    }

    private String get(String clientId, Instant day) throws Exception {
        var response = inbox.get("/api/v1/clients/" + clientId + "/daily-spend?day="
                + LocalDate.ofInstant(day, ZoneOffset.UTC));
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static String client(String name) {
        return name + "-" + UUID.randomUUID();
    }
}
