package io.banksuite.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;

/**
 * The notification provider as the worker's webhook adapter sees it: a real HTTP server on the loopback interface
 * that answers each call as the test scripts it (by client id and the number of earlier calls for the same job).
 */
final class WebhookReceiver implements AutoCloseable {

    /** One call the worker made. */
    record Call(String jobId, String clientId, String transactionId, int status, JsonNode body, String traceparent) {
    }

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
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            String jobId = body.path("jobId").asText();
            int attempt = callsPerJob.merge(jobId, 1, Integer::sum);
            int status = statusByClientAndAttempt.apply(body.path("clientId").asText(), attempt);
            calls.add(new Call(jobId, body.path("clientId").asText(), body.path("transactionId").asText(), status, body,
                    exchange.getRequestHeaders().getFirst("traceparent")));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
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
