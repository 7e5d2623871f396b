package io.banksuite.inbox.replay.it;

import static io.banksuite.inbox.testing.TransactionEvents.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.banksuite.schemas.MessageHeaders;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.banksuite.events.TransactionCreated;
import io.banksuite.inbox.replay.DeadLetterRecords;
import io.banksuite.inbox.replay.DeadLetterReplayer;
import io.banksuite.inbox.testing.InboxConsumerDriver;
import io.banksuite.inbox.testing.KafkaTestClients;
import io.banksuite.inbox.testing.InboxServiceTest;
import io.banksuite.runtime.deadletter.DeadLetterAdminController;
import io.banksuite.schemas.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operator's replay of a dead-letter topic, through its HTTP endpoints, in a consuming web application
 * (kafka-inbox's auto-configuration and nothing else, {@link ReplayTestApplication}) on the in-JVM KRaft broker,
 * the real schema registry and a real PostgreSQL database. The effect fails for clients the test chooses, until it
 * "fixes the cause".
 */
@InboxServiceTest
@TestPropertySource(properties = {
        "spring.application.name=kafka-inbox-replay",
        "inbox.group-id=" + DeadLetterReplayIT.GROUP,
        "inbox.retry.max-attempts=2",
        "inbox.retry.initial-interval=50ms",
        "inbox.retry.max-interval=100ms",
        "spring.flyway.locations=classpath:db/migration,classpath:replaytest/db/migration"})
class DeadLetterReplayIT {

    static final String TOPIC = Topics.CLIENT_EVENTS_NAME;
    static final String GROUP = "replay-test-consumer";
    static final String DEAD_LETTER_TOPIC = "client.events.replay-test-consumer.dlt";
    static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private static final Instant T0 = Instant.parse("2026-11-27T14:00:00Z");

    @RegisterExtension
    final InboxConsumerDriver inbox = new InboxConsumerDriver();

    @Autowired
    ReplayTestApplication.FailingClients failing;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    MeterRegistry meters;

    /** Each test starts with nothing parked: what earlier tests left is skipped. */
    @BeforeEach
    void nothingParked() throws Exception {
        assertThat(DEAD_LETTER_TOPIC).isEqualTo(inbox.deadLetterTopic()).isEqualTo(Topics.deadLetterTopic(TOPIC, GROUP));
        inbox.skipParked();
        assertThat(listing().get("records").size()).isZero();
    }

    @Test
    void aRecordWhoseEffectFailedIsAppliedOnceWhenReplayedAfterTheFix() throws Exception {
        String client = client("ann");
        failing.fail(client);
        TransactionCreated event = payment(client, 500, "EUR", T0);
        inbox.publish(event, Map.of(MessageHeaders.TRACEPARENT, TRACEPARENT));
        ConsumerRecord<byte[], byte[]> parked = inbox.awaitDeadLetteredWithKey(client);

        // The listing says what failed and where it came from, and moves nothing.
        JsonNode listing = listing();
        assertThat(listing.get("remaining").asLong()).isEqualTo(1);
        JsonNode record = listing.get("records").get(0);
        assertThat(record.get("key").asString()).isEqualTo(client);
        assertThat(record.get("eventId").asString()).isEqualTo(event.getEventId());
        assertThat(record.get("exceptionCauseClass").asString()).isEqualTo(IllegalStateException.class.getName());
        assertThat(record.get("exceptionMessage").asString()).contains("switched to fail for client " + client);
        assertThat(record.get("originalTopic").asString()).isEqualTo(TOPIC);
        assertThat(record.get("originalOffset").isNumber()).isTrue();
        assertThat(record.get("offset").asLong()).isEqualTo(parked.offset());
        assertThat(record.get("replayCount").asInt()).isZero();
        Object replayOffsets = inbox.replayOffsets();
        assertThat(listing().get("records")).hasSize(1);
        assertThat(inbox.replayOffsets()).isEqualTo(replayOffsets);
        assertThat(applications(event)).isZero();

        failing.fix(client);
        double replayedBefore = replayedCounter();
        assertThat(replay("?max=100")).isEqualTo(Map.of("replayed", 1, "remaining", 0));

        await().atMost(InboxConsumerDriver.TIMEOUT).until(() -> applications(event) == 1);
        inbox.awaitCaughtUp();
        assertThat(applications(event)).isEqualTo(1);
        assertThat(listing().get("records")).isEmpty();
        assertThat(listing().get("remaining").asLong()).isZero();
        assertThat(replay("?max=100")).isEqualTo(Map.of("replayed", 0, "remaining", 0));
        assertThat(replayedCounter() - replayedBefore).isEqualTo(1.0);

        // On the topic: the original and one replayed copy, with the original bytes and trace, not the failure.
        List<ConsumerRecord<byte[], byte[]>> onTopic = inbox.recordsOnTopic(InboxConsumerDriver.withKey(client));
        assertThat(onTopic).hasSize(2);
        ConsumerRecord<byte[], byte[]> replayed = onTopic.get(1);
        assertThat(replayed.value()).isEqualTo(parked.value());
        assertThat(KafkaTestClients.header(replayed, MessageHeaders.TRACEPARENT)).isEqualTo(TRACEPARENT);
        assertThat(KafkaTestClients.header(replayed, DeadLetterRecords.REPLAYED_FROM_HEADER))
                .isEqualTo(DEAD_LETTER_TOPIC);
        assertThat(KafkaTestClients.header(replayed, DeadLetterRecords.REPLAY_COUNT_HEADER)).isEqualTo("1");
        assertThat(replayed.headers()).extracting(Header::key).noneMatch(name -> name.startsWith("kafka_dlt-"));
    }

    @Test
    void replaysAtMostMaxRecordsOldestFirst() throws Exception {
        String client = client("bea");
        failing.fail(client);
        List<TransactionCreated> events = List.of(payment(client, 1, "EUR", T0), payment(client, 2, "EUR", T0),
                payment(client, 3, "EUR", T0));
        inbox.publish(events);
        await().atMost(InboxConsumerDriver.TIMEOUT).until(() -> listing().get("remaining").asLong() == 3);
        failing.fix(client);

        assertThat(replay("?max=2")).isEqualTo(Map.of("replayed", 2, "remaining", 1));
        await().atMost(InboxConsumerDriver.TIMEOUT).until(() -> inbox.processedEventIds(client).size() == 2);
        inbox.awaitCaughtUp();
        assertThat(inbox.processedEventIds(client))
                .containsExactly(events.get(0).getEventId(), events.get(1).getEventId());
        assertThat(listing().get("records")).singleElement()
                .satisfies(r -> assertThat(r.get("eventId").asString()).isEqualTo(events.get(2).getEventId()));

        assertThat(replay("")).isEqualTo(Map.of("replayed", 1, "remaining", 0));
        await().atMost(InboxConsumerDriver.TIMEOUT).until(() -> inbox.processedEventIds(client).size() == 3);
        assertThat(inbox.processedEventIds(client)).containsExactlyElementsOf(
                events.stream().map(TransactionCreated::getEventId).toList());
    }

    @Test
    void aPoisonRecordReplayedIsParkedAgainAndTheStreamKeepsFlowing() throws Exception {
        String client = client("cid");
        byte[] poison = inbox.publishPoison(client);
        inbox.assertDeadLetteredAsUndeserializable(poison, client);
        JsonNode parked = listing().get("records").get(0);
        assertThat(parked.hasNonNull("eventId")).as("a poison record has no event id").isFalse();
        assertThat(parked.get("exceptionClass").asString()).contains("DeserializationException");

        assertThat(replay("?max=10").get("replayed")).isEqualTo(1);
        TransactionCreated next = payment(client, 700, "EUR", T0);
        inbox.publish(next);

        await().atMost(InboxConsumerDriver.TIMEOUT).until(() -> applications(next) == 1);
        ConsumerRecord<byte[], byte[]> parkedAgain = inbox.awaitDeadLettered(
                r -> java.util.Arrays.equals(r.value(), poison)
                        && "1".equals(KafkaTestClients.header(r, DeadLetterRecords.REPLAY_COUNT_HEADER)));
        assertThat(KafkaTestClients.header(parkedAgain, "kafka_dlt-exception-fqcn")).contains("DeserializationException");
        JsonNode listing = listing();
        assertThat(listing.get("remaining").asLong()).isEqualTo(1);
        assertThat(listing.get("records")).singleElement().satisfies(r -> {
            assertThat(r.get("offset").asLong()).isEqualTo(parkedAgain.offset());
            assertThat(r.get("replayCount").asInt()).isEqualTo(1);
            assertThat(r.get("originalOffset").asLong()).isGreaterThan(parked.get("originalOffset").asLong());
        });
    }

    @Test
    void badInputIsAProblem() throws Exception {
        assertBadRequest(post("/replay?max=0"), "max");
        assertBadRequest(post("/replay?max=10001"), "max");
        assertBadRequest(post("/replay?max=many"), "max");
        assertBadRequest(get("?limit=0"), "limit");
    }

    // --- helpers

    private void assertBadRequest(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo(field);
    }

    private Map<String, Object> replay(String query) throws IOException, InterruptedException {
        HttpResponse<String> response = post("/replay" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        return Map.of("replayed", body.get("replayed").asInt(), "remaining", body.get("remaining").asInt());
    }

    private JsonNode listing() throws IOException, InterruptedException {
        HttpResponse<String> response = get("?limit=100");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<String> get(String query) throws IOException, InterruptedException {
        return inbox.get(DeadLetterAdminController.PATH + query);
    }

    private HttpResponse<String> post(String pathAndQuery) throws IOException, InterruptedException {
        return inbox.post(DeadLetterAdminController.PATH + pathAndQuery);
    }

    private long applications(TransactionCreated event) {
        return jdbc.sql("SELECT count(*) FROM replay_test_effect WHERE event_id = ?::uuid")
                .param(event.getEventId()).query(Long.class).single();
    }

    private double replayedCounter() {
        Counter counter = meters.find(DeadLetterReplayer.REPLAYED_METRIC).tags("group", GROUP).counter();
        return counter == null ? 0 : counter.count();
    }

    private static String client(String name) {
        return name + "-" + UUID.randomUUID();
    }
}
