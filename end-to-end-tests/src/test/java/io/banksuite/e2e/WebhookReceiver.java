package io.banksuite.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The notification provider as the worker's webhook adapter sees it: a real HTTP server on the loopback interface
 * that answers each call as the test scripts it (by client id and the number of earlier calls for the same job),
 * and checks each call's {@code X-Bank-Signature} the way README tells a provider to: HMAC-SHA256 with the shared
 * secret over {@code "<t>.<raw body>"}, compared in constant time, {@code t} within five minutes of now.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One call the worker made. */
    record Call(String jobId, String clientId, String transactionId, int status, JsonNode body, String traceparent,
                boolean signed) {
    }

    /** The secret the worker signs with (its NOTIFICATION_PROVIDER_WEBHOOK_SIGNING_SECRET). */
    static final String SECRET = "e2e-webhook-secret-of-at-least-32-bytes";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> callsPerJob = new ConcurrentHashMap<>();

    WebhookReceiver(BiFunction<String, Integer, Integer> statusByClientAndAttempt) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", exchange -> {
            byte[] raw = exchange.getRequestBody().readAllBytes();
            JsonNode body = JSON.readTree(raw);
            String jobId = body.path("jobId").asText();
            int attempt = callsPerJob.merge(jobId, 1, Integer::sum);
            int status = statusByClientAndAttempt.apply(body.path("clientId").asText(), attempt);
            calls.add(new Call(jobId, body.path("clientId").asText(), body.path("transactionId").asText(), status, body,
                    exchange.getRequestHeaders().getFirst("traceparent"),
                    signedByUs(exchange.getRequestHeaders().getFirst("X-Bank-Signature"), raw)));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    private static boolean signedByUs(String header, byte[] body) {
        if (header == null || !header.matches("t=\\d+,v1=[0-9a-f]{64}")) {
            return false;
        }
        String timestamp = header.substring(2, header.indexOf(','));
        byte[] received = HexFormat.of().parseHex(header.substring(header.indexOf("v1=") + 3));
        if (Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) > 300) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(mac.doFinal(body), received);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    List<Call> callsForClient(String clientId) {
        return calls.stream().filter(call -> call.clientId().equals(clientId)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
