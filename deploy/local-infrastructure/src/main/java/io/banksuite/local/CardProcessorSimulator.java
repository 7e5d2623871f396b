package io.banksuite.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A card processor for the local run and the tests: {@code POST /v1/charges} with a JSON body naming the
 * {@code cardId}, and an {@code Idempotency-Key} header, on 127.0.0.1. Test cards, by the card id's prefix:
 * <ul>
 *   <li>{@code card-declined…}: 402, {@code {"id": …, "declineCode": "card_declined"}};</li>
 *   <li>{@code card-fails-<n>-…}: 503 to the first n calls for one key, then approved;</li>
 *   <li>{@code card-down…}: 503, always;</li>
 *   <li>{@code card-slow-<s>-…}: approved and charged at once, but the answer comes only s seconds later (a test
 *       kills the caller in between: its retry must get the same answer and charge nothing more);</li>
 *   <li>any other: 201, {@code {"id": "ch_…", "status": "succeeded"}}.</li>
 * </ul>
 * Like a real processor it is idempotent by key: once a key has a final answer (approved or declined), every later
 * call with it gets the same answer again (header {@code Idempotent-Replayed: true}) and charges nothing more. A call
 * without the header is a 400. {@code GET /v1/charges?key=K} answers {@code {"calls": n, "charges": m}}: what a test
 * asserts to show that a card was charged once.
 */
public final class CardProcessorSimulator implements AutoCloseable {

    private static final Pattern CARD_ID = Pattern.compile("\"cardId\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern FAILS = Pattern.compile("card-fails-(\\d+)-.*");
    private static final Pattern SLOW = Pattern.compile("card-slow-(\\d+)-.*");

    private record Answer(int status, String body) {
    }

    private final HttpServer server;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> charges = new ConcurrentHashMap<>();
    private final Map<String, Answer> finalAnswers = new ConcurrentHashMap<>();
    private final AtomicInteger references = new AtomicInteger();

    private CardProcessorSimulator(String host, int port) {
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on " + host + ":" + port, e);
        }
        server.createContext("/v1/charges", this::handle);
        // A thread per call: a slow answer must not hold the others back.
        ExecutorService threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "card-processor");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        server.start();
    }

    /** Starts one on 127.0.0.1:{@code port} (0 for any free port). */
    public static CardProcessorSimulator start(int port) {
        return new CardProcessorSimulator("127.0.0.1", port);
    }

    /**
     * Runs one on its own, as docker-compose does: on {@code CARD_PROCESSOR_HOST} (default 127.0.0.1; compose sets
     * 0.0.0.0 inside its network) and {@code CARD_PROCESSOR_PORT} (default 8097), until the process is stopped.
     */
    public static void main(String[] args) throws InterruptedException {
        String host = System.getenv().getOrDefault("CARD_PROCESSOR_HOST", "127.0.0.1");
        int port = Integer.parseInt(System.getenv().getOrDefault("CARD_PROCESSOR_PORT", "8097"));
        CardProcessorSimulator simulator = new CardProcessorSimulator(host, port);
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "card-processor-stop"));
        System.out.println("Card processor simulator on " + host + ":" + port + " (POST /v1/charges)");
        Thread.currentThread().join();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Calls made with the key. */
    public int calls(String idempotencyKey) {
        AtomicInteger count = calls.get(idempotencyKey);
        return count == null ? 0 : count.get();
    }

    /** Charges made for the key: 0 or 1 however often it was called. */
    public int charges(String idempotencyKey) {
        AtomicInteger count = charges.get(idempotencyKey);
        return count == null ? 0 : count.get();
    }

    @Override
    public void close() {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            if ("GET".equals(exchange.getRequestMethod())) {
                String query = exchange.getRequestURI().getQuery();
                String asked = query != null && query.startsWith("key=") ? query.substring(4) : "";
                send(exchange, 200, "{\"calls\":" + calls(asked) + ",\"charges\":" + charges(asked) + "}", false);
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod()) || key == null || key.isBlank()) {
                send(exchange, 400, "{\"error\":\"POST with an Idempotency-Key\"}", false);
                return;
            }
            int call = calls.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            Answer replayed = finalAnswers.get(key);
            if (replayed != null) {
                send(exchange, replayed.status(), replayed.body(), true);
                return;
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher card = CARD_ID.matcher(body);
            if (!card.find()) {
                send(exchange, 400, "{\"error\":\"cardId is required\"}", false);
                return;
            }
            Answer answer = answer(card.group(1), call);
            if (answer.status() == 201 || answer.status() == 402) {
                Answer first = finalAnswers.putIfAbsent(key, answer);
                if (first != null) {
                    send(exchange, first.status(), first.body(), true);
                    return;
                }
                if (answer.status() == 201) {
                    charges.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                }
            }
            Matcher slow = SLOW.matcher(card.group(1));
            if (slow.matches()) {
                pause(Integer.parseInt(slow.group(1)));
            }
            send(exchange, answer.status(), answer.body(), false);
        }
    }

    private Answer answer(String cardId, int call) {
        String reference = "ch_" + references.incrementAndGet();
        if (cardId.startsWith("card-declined")) {
            return new Answer(402, "{\"id\":\"" + reference + "\",\"declineCode\":\"card_declined\"}");
        }
        if (cardId.startsWith("card-down")) {
            return new Answer(503, "{\"error\":\"unavailable\"}");
        }
        Matcher fails = FAILS.matcher(cardId);
        if (fails.matches() && call <= Integer.parseInt(fails.group(1))) {
            return new Answer(503, "{\"error\":\"unavailable\"}");
        }
        return new Answer(201, "{\"id\":\"" + reference + "\",\"status\":\"succeeded\"}");
    }

    private static void pause(int seconds) {
        try {
            Thread.sleep(seconds * 1000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, int status, String body, boolean replayed) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (replayed) {
            exchange.getResponseHeaders().set("Idempotent-Replayed", "true");
        }
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
