package io.banksuite.notification.support;

import io.banksuite.schemas.MessageHeaders;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server on 127.0.0.1 standing in for the notification provider. Each job id (taken from the
 * Idempotency-Key header) gets a script of statuses: the n-th request gets the n-th status, and the last status
 * repeats forever. Jobs without a script get 200. A 3xx status comes with {@code Location: <url>/moved}, a path
 * that answers 200 to anything and records what reaches it ({@link #redirected()}). Every request is recorded.
 */
public final class ScriptedWebhook implements AutoCloseable {

    public static final String PATH = "/notifications";
    /** Where a 3xx answer points. */
    public static final String MOVED = "/moved";
    /** Scripted status meaning: do not answer until the webhook is closed (provokes a read timeout). */
    public static final int HANG = -1;

    private final HttpServer server;
    private final Map<String, List<Integer>> scripts = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<Request> redirected = new CopyOnWriteArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);

    private ScriptedWebhook(HttpServer server) {
        this.server = server;
    }

    public static ScriptedWebhook start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            var webhook = new ScriptedWebhook(server);
            server.createContext(PATH, webhook::handle);
            server.createContext(MOVED, webhook::moved);
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
            return webhook;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the scripted webhook", e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    public void script(String jobId, Integer... statuses) {
        scripts.put(jobId, List.of(statuses));
    }

    /** The requests that arrived at the redirect's target: none, if the client follows no redirect. */
    public List<Request> redirected() {
        return List.copyOf(redirected);
    }

    public List<Request> requestsFor(String jobId) {
        return requests.stream().filter(r -> jobId.equals(r.idempotencyKey())).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            String idempotencyKey = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            String requestBody = new String(body.readAllBytes(), StandardCharsets.UTF_8);
            int status;
            synchronized (this) {
                int attemptIndex = idempotencyKey == null ? 0 : requestsFor(idempotencyKey).size();
                List<Integer> script = idempotencyKey == null ? List.of(200)
                        : scripts.getOrDefault(idempotencyKey, List.of(200));
                status = script.get(Math.min(attemptIndex, script.size() - 1));
                requests.add(request(exchange, idempotencyKey, requestBody, status));
            }
            if (status == HANG) {
                awaitClose();
                return;
            }
            if (status >= 300 && status < 400) {
                exchange.getResponseHeaders().set("Location",
                        "http://127.0.0.1:" + server.getAddress().getPort() + MOVED);
            }
            exchange.sendResponseHeaders(status, -1);
        }
    }

    private void moved(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            redirected.add(request(exchange, exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                    new String(body.readAllBytes(), StandardCharsets.UTF_8), 200));
            exchange.sendResponseHeaders(200, -1);
        }
    }

    private static Request request(HttpExchange exchange, String idempotencyKey, String body, int status) {
        return new Request(exchange.getRequestMethod(), idempotencyKey,
                exchange.getRequestHeaders().getFirst("X-Notification-Attempt"),
                exchange.getRequestHeaders().getFirst(MessageHeaders.TRACEPARENT),
                exchange.getRequestHeaders().getFirst("Content-Type"),
                exchange.getRequestHeaders().getFirst("X-Bank-Signature"), body, status);
    }

    private void awaitClose() {
        try {
            closed.await(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
    }

    /** One request as the provider saw it, and the status it was answered with. */
    public record Request(String method, String idempotencyKey, String attempt, String traceparent,
            String contentType, String signature, String body, int status) {

        public boolean accepted() {
            return status >= 200 && status < 300;
        }
    }

    /** Attempt header values of the given requests, in arrival order. */
    public static List<String> attempts(List<Request> requests) {
        List<String> attempts = new ArrayList<>();
        requests.forEach(r -> attempts.add(r.attempt()));
        return attempts;
    }
}
