package io.banksuite.transaction;

import io.banksuite.transaction.adapter.in.web.TransactionController;

import io.banksuite.events.Channel;
import io.banksuite.events.TransactionCreated;
import io.banksuite.events.TransactionType;
import io.banksuite.outbox.ContentTypes;
import io.banksuite.schemas.Topics;
import io.banksuite.schemas.serde.AvroBinary;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The HTTP API against a real PostgreSQL database migrated by Flyway. */
class TransactionApiIT extends ApiIntegrationTest {

    static final String VALID = """
            {"clientId":"c-1","amount":"125.50","currency":"EUR","type":"PAYMENT","merchantId":"m-1",
             "merchantCategory":"5411","merchantCountry":"DE","channel":"WEB"}""";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aValidTransactionIsWrittenWithExactlyOneDecodableOutboxEvent() throws Exception {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);
        MvcResult result = postJson(VALID)
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith("http://localhost/api/v1/transactions/")))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.clientId").value("c-1"))
                .andExpect(jsonPath("$.amount").value("125.50"))
                .andExpect(jsonPath("$.currency").value("EUR"))
                .andExpect(jsonPath("$.status").value("CREATED"))
                .andExpect(jsonPath("$.occurredAt").isString())
                .andReturn();
        JsonNode body = JSON.readTree(result.getResponse().getContentAsString());
        String id = body.get("id").asString();
        assertThat(result.getResponse().getHeader("Location")).endsWith("/api/v1/transactions/" + id);

        assertThat(count("transactions")).isEqualTo(1);
        assertThat(count("outbox")).isEqualTo(1);
        Map<String, Object> tx = jdbc.queryForMap("SELECT * FROM transactions");
        assertThat(tx.get("id")).isEqualTo(UUID.fromString(id));
        assertThat(tx.get("amount").toString()).isEqualTo("125.5000");
        assertThat(tx.get("amount_minor")).isEqualTo(12550L);
        assertThat(tx.get("currency")).isEqualTo("EUR");

        Map<String, Object> row = jdbc.queryForMap(
                "SELECT event_id, destination, message_key, payload, payload_schema, content_type, sent_at,"
                        + " attempts, headers ->> 'event_type' AS event_type FROM outbox");
        assertThat(row.get("destination")).isEqualTo(Topics.CLIENT_EVENTS.name());
        assertThat(row.get("event_type")).isEqualTo(Topics.TRANSACTION_CREATED.name());
        assertThat(row.get("message_key")).isEqualTo("c-1");
        assertThat(row.get("content_type")).isEqualTo(ContentTypes.AVRO_BINARY);
        assertThat(row.get("payload_schema")).isEqualTo(TransactionCreated.getClassSchema().toString());
        assertThat(row.get("sent_at")).isNull();
        assertThat(row.get("attempts")).isEqualTo(0);
        assertThat(row.get("event_id")).isEqualTo(tx.get("event_id"));

        Schema writer = new Schema.Parser().parse((String) row.get("payload_schema"));
        byte[] payload = (byte[]) row.get("payload");
        var event = (TransactionCreated) AvroBinary.decode(AvroBinary.reader(writer, true), payload, 0,
                payload.length);
        assertThat(event.getEventId()).isEqualTo(row.get("event_id").toString());
        assertThat(event.getTransactionId()).isEqualTo(id);
        assertThat(event.getClientId()).isEqualTo("c-1");
        assertThat(event.getAmountMinor()).isEqualTo(12550L);
        assertThat(event.getCurrency()).isEqualTo("EUR");
        assertThat(event.getType()).isEqualTo(TransactionType.PAYMENT);
        assertThat(event.getChannel()).isEqualTo(Channel.WEB);
        assertThat(event.getMerchantId()).isEqualTo("m-1");
        assertThat(event.getMerchantCategory()).isEqualTo("5411");
        assertThat(event.getMerchantCountry()).isEqualTo("DE");
        assertThat(event.getOccurredAt()).isBetween(before, Instant.now());
        assertThat(event.getOccurredAt().toString()).isEqualTo(body.get("occurredAt").asString());
    }

    @Test
    void aCardIdIsRecordedAndCarriedByTheVersion2Event() throws Exception {
        postJson("""
                {"clientId":"c-card","amount":"9.99","currency":"EUR","type":"PAYMENT","channel":"POS",
                 "cardId":"card-0042"}""")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.cardId").value("card-0042"));
        postJson("""
                {"clientId":"c-card","amount":"1.00","currency":"EUR","type":"PAYMENT","channel":"POS",
                 "cardId":"4111111111111111"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("cardId"));

        Map<String, Object> row = jdbc.queryForMap("SELECT payload, payload_schema FROM outbox");
        Schema writer = new Schema.Parser().parse((String) row.get("payload_schema"));
        assertThat(writer.getField("cardId")).as("the writer schema is v2").isNotNull();
        byte[] payload = (byte[]) row.get("payload");
        var event = (TransactionCreated) AvroBinary.decode(AvroBinary.reader(writer, true), payload, 0,
                payload.length);
        assertThat(event.getCardId()).isEqualTo("card-0042");
        assertThat(jdbc.queryForObject("SELECT card_id FROM transactions", String.class)).isEqualTo("card-0042");
    }

    @Test
    void anAmountIsAJsonStringNeverANumberAndTheRefusalSaysSo() throws Exception {
        // A JSON number may have been through a client's binary floating point already: 0.1 + 0.2 is not 0.30.
        postJson("""
                {"clientId":"c-2","amount":0.30000000000000004,"currency":"EUR","type":"TRANSFER","channel":"MOBILE"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].field").value("amount"))
                .andExpect(jsonPath("$.errors[0].message").value("must be a JSON string"));
        assertThat(count("transactions")).isZero();
        postJson("""
                {"clientId":"c-2","amount":"0.30","currency":"EUR","type":"TRANSFER","channel":"MOBILE"}""")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.amount").value("0.30"));
    }

    @Test
    void aBodyOverTheLimitIs413AndWritesNothing() throws Exception {
        // 64 KB by default (banksuite.http.max-request-body): this one is a valid transaction padded past it.
        String padded = VALID.replace("\"channel\"", "\"memo\":\"" + "x".repeat(70_000) + "\",\"channel\"");
        postJson(padded)
                .andExpect(status().is(413))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(413))
                .andExpect(jsonPath("$.detail").value("The request body is larger than 65536 bytes"));
        assertThat(count("transactions")).isZero();
        assertThat(count("outbox")).isZero();
    }

    @Test
    void aDuplicateKeyIsRefusedNotResolvedByTheLastOneWinning() throws Exception {
        postJson("""
                {"clientId":"c-1","amount":"1.00","amount":"2.00","currency":"EUR","type":"PAYMENT","channel":"WEB"}""")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].field").value("amount"))
                .andExpect(jsonPath("$.errors[0].message").value("appears more than once"));
        assertThat(count("transactions")).isZero();
        assertThat(count("outbox")).isZero();
    }

    @Test
    void unknownFieldsAreEachNamedWithTheOtherBadFields() throws Exception {
        postJson("""
                {"clientId":"c-1","amount":"125.50","currency":"eur","type":"PAYMENT","channel":"WEB",
                 "amountCents":12550,"note":"rent"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors", hasSize(3)))
                .andExpect(jsonPath("$.errors[0].field").value("amountCents"))
                .andExpect(jsonPath("$.errors[0].message").value("is not a field of this request"))
                .andExpect(jsonPath("$.errors[1].field").value("note"))
                .andExpect(jsonPath("$.errors[2].field").value("currency"));
        assertThat(count("transactions")).isZero();
    }

    static Stream<Arguments> invalidRequests() {
        return Stream.of(
                Arguments.of("amount missing", VALID.replace("\"amount\":\"125.50\",", ""), List.of("amount")),
                Arguments.of("amount zero", VALID.replace("\"125.50\"", "\"0\""), List.of("amount")),
                Arguments.of("amount negative", VALID.replace("\"125.50\"", "\"-3\""), List.of("amount")),
                Arguments.of("amount a JSON number", VALID.replace("\"125.50\"", "125.50"), List.of("amount")),
                Arguments.of("clientId a JSON number", VALID.replace("\"c-1\"", "7"), List.of("clientId")),
                Arguments.of("too many decimals", VALID.replace("\"125.50\"", "\"125.505\""), List.of("amount")),
                Arguments.of("decimals for JPY", VALID.replace("\"125.50\"", "\"1.5\"").replace("EUR", "JPY"),
                        List.of("amount")),
                Arguments.of("amount not a number", VALID.replace("\"125.50\"", "\"12,50\""), List.of("amount")),
                Arguments.of("amount boolean", VALID.replace("\"125.50\"", "true"), List.of("amount")),
                Arguments.of("amount object", VALID.replace("\"125.50\"", "{\"v\":1}"), List.of("amount")),
                Arguments.of("currency without minor unit", VALID.replace("EUR", "XXX"), List.of("currency")),
                Arguments.of("currency unknown", VALID.replace("EUR", "ABC"), List.of("currency")),
                Arguments.of("currency lower case", VALID.replace("EUR", "eur"), List.of("currency")),
                Arguments.of("clientId missing", VALID.replace("\"clientId\":\"c-1\",", ""), List.of("clientId")),
                Arguments.of("clientId too long", VALID.replace("c-1", "c".repeat(65)), List.of("clientId")),
                Arguments.of("merchantId too long", VALID.replace("m-1", "m".repeat(65)), List.of("merchantId")),
                Arguments.of("merchantCategory", VALID.replace("5411", "54X1"), List.of("merchantCategory")),
                Arguments.of("merchantCountry", VALID.replace("\"DE\"", "\"ZZ\""), List.of("merchantCountry")),
                Arguments.of("unknown type", VALID.replace("PAYMENT", "BRIBE"), List.of("type")),
                Arguments.of("type OTHER", VALID.replace("PAYMENT", "OTHER"), List.of("type")),
                Arguments.of("unknown channel", VALID.replace("WEB", "FAX"), List.of("channel")),
                Arguments.of("several fields", """
                        {"clientId":"","amount":"-1","currency":"XXX","type":"NOPE","channel":"OTHER"}""",
                        List.of("clientId", "amount", "currency", "type", "channel")),
                Arguments.of("malformed JSON", "{\"clientId\":\"c-1\",", List.of("body")),
                Arguments.of("not an object", "[1,2]", List.of("body")),
                Arguments.of("duplicate key", VALID.replace("\"currency\":\"EUR\"",
                        "\"currency\":\"EUR\",\"currency\":\"USD\""), List.of("currency")),
                Arguments.of("unknown field", VALID.replace("\"channel\"", "\"memo\":\"x\",\"channel\""),
                        List.of("memo")),
                Arguments.of("empty body", "", List.of("body")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRequests")
    void anInvalidRequestNamesEachBadFieldAndWritesNothing(String name, String json, List<String> fields)
            throws Exception {
        MvcResult result = postJson(json)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.title").value("Invalid request"))
                .andExpect(jsonPath("$.errors", hasSize(fields.size())))
                .andReturn();
        JsonNode errors = JSON.readTree(result.getResponse().getContentAsString()).get("errors");
        List<String> named = new ArrayList<>();
        errors.forEach(error -> {
            named.add(error.get("field").asString());
            assertThat(error.get("message").asString()).isNotBlank();
        });
        assertThat(named).containsExactlyInAnyOrderElementsOf(fields);
        assertThat(count("transactions")).isZero();
        assertThat(count("outbox")).isZero();
    }

    @Test
    void anIdempotencyKeyReturnsTheOriginalTransactionAndWritesNothingNew() throws Exception {
        String first = postJson(VALID, "key-1").andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        String id = JSON.readTree(first).get("id").asString();

        postJson(VALID.replace("125.50", "125.5"), "key-1")
                .andExpect(status().isOk())
                .andExpect(header().string(TransactionController.IDEMPOTENT_REPLAYED, "true"))
                .andExpect(header().string("Location", startsWith("http://localhost/api/v1/transactions/" + id)))
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.amount").value("125.50"));
        assertThat(count("transactions")).isEqualTo(1);
        assertThat(count("outbox")).isEqualTo(1);

        // The key is the client's: another client may use the same one.
        postJson(VALID.replace("c-1", "c-9"), "key-1").andExpect(status().isCreated());
        // A new key is a new transaction.
        postJson(VALID, "key-2").andExpect(status().isCreated());
        assertThat(count("transactions")).isEqualTo(3);
        assertThat(count("outbox")).isEqualTo(3);
    }

    @Test
    void anIdempotencyKeyReusedWithADifferentRequestIsRefused() throws Exception {
        String first = postJson(VALID, "key-1").andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        postJson(VALID.replace("125.50", "99.00"), "key-1")
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.transactionId").value(JSON.readTree(first).get("id").asString()));
        assertThat(count("transactions")).isEqualTo(1);
        assertThat(count("outbox")).isEqualTo(1);
    }

    @Test
    void aMalformedIdempotencyKeyIsNamed() throws Exception {
        postJson(VALID, "k".repeat(129))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
        assertThat(count("transactions")).isZero();
    }

    @Test
    void aTransactionIsReadBackById() throws Exception {
        String created = postJson(VALID).andReturn().getResponse().getContentAsString();
        JsonNode body = JSON.readTree(created);
        mvc.perform(get("/api/v1/transactions/{id}", body.get("id").asString()))
                .andExpect(status().isOk())
                .andExpect(content().json(created));
    }

    @Test
    void anUnknownOrMalformedIdIsAProblem() throws Exception {
        mvc.perform(get("/api/v1/transactions/{id}", UUID.randomUUID()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404));
        mvc.perform(get("/api/v1/transactions/not-a-uuid"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("id"));
    }

    @Test
    void aClientsTransactionsArePagedNewestFirst() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            String body = postJson(VALID.replace("125.50", i + ".00")).andExpect(status().isCreated())
                    .andReturn().getResponse().getContentAsString();
            ids.add(0, JSON.readTree(body).get("id").asString());
        }
        postJson(VALID.replace("c-1", "c-other")).andExpect(status().isCreated());

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = get("/api/v1/clients/c-1/transactions").param("limit", "2");
            if (cursor != null) {
                request.param("cursor", cursor);
            }
            JsonNode page = JSON.readTree(mvc.perform(request).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString());
            page.get("items").forEach(item -> seen.add(item.get("id").asString()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(seen).containsExactlyElementsOf(ids);
        assertThat(pages).isEqualTo(3);

        mvc.perform(get("/api/v1/clients/nobody/transactions"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(0)))
                .andExpect(jsonPath("$.limit").value(TransactionController.DEFAULT_PAGE_SIZE));
    }

    @Test
    void pageSizeAndCursorAreValidated() throws Exception {
        for (String limit : List.of("0", "101")) {
            mvc.perform(get("/api/v1/clients/c-1/transactions").param("limit", limit))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[0].field").value("limit"));
        }
        mvc.perform(get("/api/v1/clients/c-1/transactions").param("limit", "ten"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("limit"));
        mvc.perform(get("/api/v1/clients/c-1/transactions").param("cursor", "bm9wZQ"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("cursor"));
        mvc.perform(get("/api/v1/clients/{id}/transactions", "c".repeat(65)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("clientId"));
    }

    @Test
    void routingErrorsAreProblems() throws Exception {
        mvc.perform(get("/api/v1/nothing-here"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(delete("/api/v1/transactions/{id}", UUID.randomUUID()))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/v1/transactions").contentType(MediaType.TEXT_PLAIN).content(VALID))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(count("transactions")).isZero();
    }

    @Test
    void aFailingOutboxInsertRollsTheTransactionBack() throws Exception {
        jdbc.execute("""
                CREATE FUNCTION test_refuse_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'outbox refused by test trigger'; END $$""");
        jdbc.execute("CREATE TRIGGER test_refuse_outbox BEFORE INSERT ON outbox"
                + " FOR EACH ROW EXECUTE FUNCTION test_refuse_outbox()");
        try {
            postJson(VALID)
                    .andExpect(status().isInternalServerError())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        } finally {
            jdbc.execute("DROP TRIGGER test_refuse_outbox ON outbox");
            jdbc.execute("DROP FUNCTION test_refuse_outbox()");
        }
        assertThat(count("transactions")).as("the transaction row rolled back with the outbox row").isZero();
        assertThat(count("outbox")).isZero();

        postJson(VALID).andExpect(status().isCreated());
        assertThat(count("transactions")).isEqualTo(1);
        assertThat(count("outbox")).isEqualTo(1);
    }

    private ResultActions postJson(String json) throws Exception {
        return postJson(json, null);
    }

    private ResultActions postJson(String json, String idempotencyKey) throws Exception {
        var request = post("/api/v1/transactions").contentType(MediaType.APPLICATION_JSON).content(json);
        if (idempotencyKey != null) {
            request.header(TransactionController.IDEMPOTENCY_KEY, idempotencyKey);
        }
        return mvc.perform(request);
    }
}
