package io.banksuite.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import io.banksuite.local.PostgresDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The body limit on a real socket, for the body that does not declare its length (chunked): it fails while it is
 * read, and the answer is the same 413 problem as for a declared one. Nothing is written.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RequestBodyLimitIT {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        PostgresDatabases.recreateForSpring("it_transaction_body_limit")
                .forEach((key, value) -> registry.add(key, () -> value));
        registry.add("charge-outcomes.listen", () -> "false");
    }

    @LocalServerPort
    private int port;
    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void aChunkedBodyOverTheLimitIs413AndWritesNothing() throws Exception {
        String padded = TransactionApiIT.VALID.replace("\"channel\"",
                "\"memo\":\"" + "x".repeat(70_000) + "\",\"channel\"");
        byte[] body = padded.getBytes(StandardCharsets.UTF_8);
        // A body publisher of unknown length: the JDK client sends it chunked, with no Content-Length.
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/transactions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();

        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":413", "larger than 65536 bytes");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM transactions", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox", Integer.class)).isZero();
    }
}
