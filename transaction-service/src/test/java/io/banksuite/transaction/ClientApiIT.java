package io.banksuite.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.banksuite.events.ClientStatus;
import io.banksuite.events.ClientUpdated;
import io.banksuite.events.LimitChanged;
import io.banksuite.events.TransactionCreated;
import io.banksuite.schemas.Topics;
import io.banksuite.schemas.serde.AvroBinary;
import io.banksuite.transaction.adapter.in.web.TransactionController;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The clients' profile and limits API against a real PostgreSQL: versions, preconditions, events in the outbox. */
class ClientApiIT extends ApiIntegrationTest {

    static final String ACTIVE = """
            {"status":"ACTIVE","segment":"RETAIL","country":"DE"}""";
    static final String BLOCKED = """
            {"status":"BLOCKED","segment":"RETAIL","country":"DE"}""";
    static final String EUR_LIMITS = """
            {"limits":[{"currency":"EUR","singleTransactionLimit":"1000.00","dailyLimit":"5000"}]}""";

    @Test
    void theFirstPutCreatesVersionOneAndQueuesClientUpdatedOnTheClientStream() throws Exception {
        putProfile("c-1", ACTIVE)
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.ETAG, "\"1\""))
                .andExpect(header().string(HttpHeaders.LOCATION, "http://localhost/api/v1/clients/c-1"))
                .andExpect(jsonPath("$.clientId").value("c-1"))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.segment").value("RETAIL"))
                .andExpect(jsonPath("$.country").value("DE"))
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.changedAt").isString());

        List<Map<String, Object>> rows = outbox();
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.get("destination")).isEqualTo(Topics.CLIENT_EVENTS.name());
            assertThat(row.get("message_key")).isEqualTo("c-1");
            assertThat(row.get("event_type")).isEqualTo(Topics.CLIENT_UPDATED.name());
        });
        ClientUpdated event = decode(rows.get(0), ClientUpdated.class);
        assertThat(event.getVersion()).isEqualTo(1);
        assertThat(event.getStatus()).isEqualTo(ClientStatus.ACTIVE);
        assertThat(event.getEventId()).isEqualTo(rows.get(0).get("event_id").toString());
        assertThat(event.getEventId()).isEqualTo(jdbc.queryForObject(
                "SELECT event_id::text FROM client_profile_versions WHERE client_id = 'c-1'", String.class));

        mvc.perform(get("/api/v1/clients/c-1"))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"1\""))
                .andExpect(jsonPath("$.version").value(1));
        mvc.perform(get("/api/v1/clients/c-1").header(HttpHeaders.IF_NONE_MATCH, "\"1\""))
                .andExpect(status().isNotModified());
    }

    @Test
    void changingAnExistingProfileNeedsItsCurrentVersion() throws Exception {
        putProfile("c-1", ACTIVE).andExpect(status().isCreated());

        putProfile("c-1", BLOCKED)
                .andExpect(status().isPreconditionRequired())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string(HttpHeaders.ETAG, "\"1\""))
                .andExpect(jsonPath("$.currentVersion").value(1));
        putProfile("c-1", BLOCKED, request -> request.header(HttpHeaders.IF_MATCH, "\"7\""))
                .andExpect(status().isPreconditionFailed())
                .andExpect(header().string(HttpHeaders.ETAG, "\"1\""))
                .andExpect(jsonPath("$.currentVersion").value(1));
        putProfile("c-1", BLOCKED, request -> request.header(HttpHeaders.IF_NONE_MATCH, "*"))
                .andExpect(status().isPreconditionFailed());
        assertThat(outbox()).hasSize(1);

        putProfile("c-1", BLOCKED, request -> request.header(HttpHeaders.IF_MATCH, "\"1\""))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"2\""))
                .andExpect(jsonPath("$.status").value("BLOCKED"));

        List<Map<String, Object>> rows = outbox();
        assertThat(rows).hasSize(2);
        ClientUpdated blocked = decode(rows.get(1), ClientUpdated.class);
        assertThat(blocked.getVersion()).isEqualTo(2);
        assertThat(blocked.getStatus()).isEqualTo(ClientStatus.BLOCKED);
        assertThat(count("client_profile_versions")).as("the history keeps both versions").isEqualTo(2);
    }

    @Test
    void puttingTheStateThatStandsWritesNothingEvenWithAStaleVersion() throws Exception {
        putProfile("c-1", ACTIVE).andExpect(status().isCreated());
        putProfile("c-1", BLOCKED, request -> request.header(HttpHeaders.IF_MATCH, "\"1\""))
                .andExpect(status().isOk());

        // A retry of the change whose response was lost: its If-Match is stale, but what it asks for holds.
        putProfile("c-1", BLOCKED, request -> request.header(HttpHeaders.IF_MATCH, "\"1\""))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"2\""))
                .andExpect(header().doesNotExist(TransactionController.IDEMPOTENT_REPLAYED));
        putProfile("c-1", BLOCKED).andExpect(status().isOk());

        assertThat(outbox()).hasSize(2);
        assertThat(count("client_profile_versions")).isEqualTo(2);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGetsTheVersionItsFirstRequestMade() throws Exception {
        putProfile("c-1", ACTIVE, request -> request.header(TransactionController.IDEMPOTENCY_KEY, "k-1"))
                .andExpect(status().isCreated());
        putProfile("c-1", BLOCKED, request -> request.header(HttpHeaders.IF_MATCH, "\"1\""))
                .andExpect(status().isOk());

        putProfile("c-1", ACTIVE, request -> request.header(TransactionController.IDEMPOTENCY_KEY, "k-1"))
                .andExpect(status().isOk())
                .andExpect(header().string(TransactionController.IDEMPOTENT_REPLAYED, "true"))
                .andExpect(header().string(HttpHeaders.ETAG, "\"1\""))
                .andExpect(jsonPath("$.status").value("ACTIVE"));
        putProfile("c-1", """
                {"status":"ACTIVE","segment":"PREMIUM","country":"DE"}""",
                request -> request.header(TransactionController.IDEMPOTENCY_KEY, "k-1"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.version").value("1"));

        assertThat(outbox()).hasSize(2);
        mvc.perform(get("/api/v1/clients/c-1")).andExpect(jsonPath("$.status").value("BLOCKED"));
    }

    @Test
    void aBadProfileNamesEachFieldAndWritesNothing() throws Exception {
        putProfile("c-1", """
                {"status":"FROZEN","segment":"retail"}""")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "status", "segment", "country")));
        putProfile("c-1", "[1]").andExpect(status().isBadRequest());
        putProfile("c-1", ACTIVE, request -> request.header(HttpHeaders.IF_MATCH, "1"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("If-Match"));

        assertThat(count("client_profile_versions")).isZero();
        assertThat(outbox()).isEmpty();
        mvc.perform(get("/api/v1/clients/c-1"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void limitsBelongToAKnownClientAndQueueLimitChanged() throws Exception {
        putLimits("c-1", EUR_LIMITS).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/clients/c-1/limits")).andExpect(status().isNotFound());
        putProfile("c-1", ACTIVE).andExpect(status().isCreated());

        putLimits("c-1", EUR_LIMITS)
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.ETAG, "\"1\""))
                .andExpect(jsonPath("$.limits[0].currency").value("EUR"))
                .andExpect(jsonPath("$.limits[0].singleTransactionLimit").value("1000.00"))
                .andExpect(jsonPath("$.limits[0].dailyLimit").value("5000.00"));
        putLimits("c-1", """
                {"limits":[{"currency":"USD","singleTransactionLimit":"50","dailyLimit":"80"},
                           {"currency":"EUR","singleTransactionLimit":"200","dailyLimit":"300"}]}""",
                request -> request.header(HttpHeaders.IF_MATCH, "\"1\""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.limits[*].currency").value(org.hamcrest.Matchers.contains("EUR", "USD")));

        List<Map<String, Object>> rows = outbox();
        assertThat(rows).extracting(row -> row.get("event_type"))
                .containsExactly("client.updated", "limit.changed", "limit.changed");
        LimitChanged second = decode(rows.get(2), LimitChanged.class);
        assertThat(second.getVersion()).isEqualTo(2);
        assertThat(second.getLimits()).extracting(limit -> limit.getCurrency() + " "
                        + limit.getSingleTransactionLimitMinor() + "/" + limit.getDailyLimitMinor())
                .containsExactly("EUR 20000/30000", "USD 5000/8000");
        mvc.perform(get("/api/v1/clients/c-1/limits"))
                .andExpect(header().string(HttpHeaders.ETAG, "\"2\""))
                .andExpect(jsonPath("$.limits[1].dailyLimit").value("80.00"));
    }

    @Test
    void badLimitsNameEachEntryAndWriteNothing() throws Exception {
        putProfile("c-1", ACTIVE).andExpect(status().isCreated());

        putLimits("c-1", """
                {"limits":[{"currency":"EUR","singleTransactionLimit":"100","dailyLimit":"50"},
                           {"currency":"EUR","singleTransactionLimit":"1.001","dailyLimit":"2"}]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains(
                        "limits[0].dailyLimit", "limits[1].currency", "limits[1].singleTransactionLimit")));

        assertThat(count("client_limit_versions")).isZero();
        assertThat(outbox()).hasSize(1);
    }

    @Test
    void anUnknownFieldInsideAnEntryAndANumberLimitAreNamedWhereTheyStand() throws Exception {
        putProfile("c-1", ACTIVE).andExpect(status().isCreated());

        putLimits("c-1", """
                {"limits":[{"currency":"EUR","singleTransactionLimit":"100","dailyLimit":500,"weeklyLimit":"900"}]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains(
                        "limits[0].dailyLimit", "limits[0].weeklyLimit")))
                .andExpect(jsonPath("$.errors[0].message").value("must be a JSON string"))
                .andExpect(jsonPath("$.errors[1].message").value("is not a field of this request"));

        assertThat(count("client_limit_versions")).isZero();
        assertThat(outbox()).hasSize(1);
    }

    @Test
    void ofTwoConcurrentChangesFromTheSameVersionExactlyOneWins() throws Exception {
        putProfile("c-1", ACTIVE).andExpect(status().isCreated());
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (String segment : List.of("PREMIUM", "BUSINESS")) {
                Callable<Integer> change = () -> {
                    start.await(10, TimeUnit.SECONDS);
                    return putProfile("c-1", "{\"status\":\"ACTIVE\",\"segment\":\"" + segment
                                    + "\",\"country\":\"DE\"}", request -> request.header(HttpHeaders.IF_MATCH, "\"1\""))
                            .andReturn().getResponse().getStatus();
                };
                results.add(pool.submit(change));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get(30, TimeUnit.SECONDS));
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 412);
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("client_profile_versions")).isEqualTo(2);
        assertThat(outbox()).hasSize(2);
    }

    @Test
    void aClientsEventsOfEveryTypeShareOneKeyedStreamInTheOrderTheyWereWritten() throws Exception {
        putProfile("c-9", ACTIVE).andExpect(status().isCreated());
        postTransaction("c-9", "10.00");
        putLimits("c-9", EUR_LIMITS).andExpect(status().isCreated());
        postTransaction("c-9", "20.00");
        putProfile("c-9", BLOCKED, request -> request.header(HttpHeaders.IF_MATCH, "\"1\""))
                .andExpect(status().isOk());

        List<Map<String, Object>> rows = outbox();
        assertThat(rows).extracting(row -> row.get("event_type")).containsExactly(
                "client.updated", "transaction.created", "limit.changed", "transaction.created", "client.updated");
        assertThat(rows).extracting(row -> row.get("destination")).containsOnly(Topics.CLIENT_EVENTS.name());
        assertThat(rows).extracting(row -> row.get("message_key")).containsOnly("c-9");
        assertThat(decode(rows.get(3), TransactionCreated.class).getAmountMinor()).isEqualTo(2000);
    }

    private void postTransaction(String clientId, String amount) throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/transactions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"clientId\":\"" + clientId + "\",\"amount\":\"" + amount + "\",\"currency\":\"EUR\","
                                + "\"type\":\"PAYMENT\",\"channel\":\"WEB\"}"))
                .andExpect(status().isCreated());
    }

    private ResultActions putProfile(String clientId, String json) throws Exception {
        return putProfile(clientId, json, request -> request);
    }

    private ResultActions putProfile(String clientId, String json,
                                     java.util.function.UnaryOperator<MockHttpServletRequestBuilder> headers)
            throws Exception {
        return mvc.perform(headers.apply(put("/api/v1/clients/" + clientId)
                .contentType(MediaType.APPLICATION_JSON).content(json)));
    }

    private ResultActions putLimits(String clientId, String json) throws Exception {
        return putLimits(clientId, json, request -> request);
    }

    private ResultActions putLimits(String clientId, String json,
                                    java.util.function.UnaryOperator<MockHttpServletRequestBuilder> headers)
            throws Exception {
        return mvc.perform(headers.apply(put("/api/v1/clients/" + clientId + "/limits")
                .contentType(MediaType.APPLICATION_JSON).content(json)));
    }

    private List<Map<String, Object>> outbox() {
        return jdbc.queryForList("SELECT id, event_id, destination, message_key, payload, payload_schema,"
                + " headers ->> 'event_type' AS event_type FROM outbox ORDER BY id");
    }

    private static <T> T decode(Map<String, Object> row, Class<T> type) {
        Schema writer = new Schema.Parser().parse((String) row.get("payload_schema"));
        byte[] payload = (byte[]) row.get("payload");
        return type.cast(AvroBinary.decode(AvroBinary.reader(writer, true), payload, 0, payload.length));
    }
}
