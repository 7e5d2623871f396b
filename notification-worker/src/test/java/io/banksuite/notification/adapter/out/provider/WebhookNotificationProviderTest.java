package io.banksuite.notification.adapter.out.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.banksuite.notification.domain.DeliveryAttempt;
import io.banksuite.notification.domain.DeliveryOutcome;
import io.banksuite.notification.domain.FailureClass;
import io.banksuite.notification.domain.WebhookSignature;
import io.banksuite.notification.config.OutboundHttp;
import io.banksuite.schemas.notification.NotificationJob;
import io.banksuite.notification.support.ScriptedWebhook;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The webhook adapter against a real HTTP server: headers, the signature, body, how each answer is classified, and
 * that a redirect is never followed.
 */
class WebhookNotificationProviderTest {

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private static final byte[] SECRET = "a-test-secret-of-at-least-32-bytes".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private final ScriptedWebhook webhook = ScriptedWebhook.start();

    @AfterEach
    void stopWebhook() {
        webhook.close();
    }

    @Test
    void postsTheJobWithIdempotencyKeyAttemptAndTraceparent() {
        NotificationJob job = job();

        DeliveryOutcome outcome = provider(URI.create(webhook.url())).send(job,
                new DeliveryAttempt(2, TRACEPARENT, "4bf92f3577b34da6a3ce929d0e0e4736", List.of()));

        assertThat(outcome).isEqualTo(DeliveryOutcome.sent());
        List<ScriptedWebhook.Request> requests = webhook.requestsFor(job.jobId().toString());
        assertThat(requests).hasSize(1);
        ScriptedWebhook.Request request = requests.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.attempt()).isEqualTo("2");
        assertThat(request.traceparent()).isEqualTo(TRACEPARENT);
        assertThat(request.contentType()).startsWith("application/json");
        assertThat(request.body()).contains("\"jobId\":\"" + job.jobId() + "\"", "\"kind\":\"FRAUD_ALERT\"",
                "\"clientId\":\"c-1\"", "\"reasons\":[\"AMOUNT_OVER_THRESHOLD\"]",
                "\"createdAt\":\"2026-11-27T14:00:00Z\"");
        // The provider's check: the signature covers the timestamp and exactly the bytes it received.
        assertThat(request.signature()).startsWith("t=" + NOW.getEpochSecond() + ",v1=");
        assertThat(WebhookSignature.verify(SECRET, request.signature(),
                request.body().getBytes(StandardCharsets.UTF_8), NOW.plusSeconds(30), Duration.ofMinutes(5))).isTrue();
        assertThat(WebhookSignature.verify(SECRET, request.signature(),
                request.body().replace("c-1", "c-2").getBytes(StandardCharsets.UTF_8), NOW, Duration.ofMinutes(5)))
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 302, 303, 307, 308})
    void aRedirectIsNotFollowedAndIsAPermanentFailure(int status) {
        NotificationJob job = job();
        webhook.script(job.jobId().toString(), status);

        DeliveryOutcome outcome = provider(URI.create(webhook.url())).send(job, firstAttempt());

        assertThat(outcome).isInstanceOf(DeliveryOutcome.Failed.class);
        assertThat(((DeliveryOutcome.Failed) outcome).failureClass()).isEqualTo(FailureClass.PERMANENT);
        assertThat(((DeliveryOutcome.Failed) outcome).reason()).contains("redirect");
        assertThat(webhook.requestsFor(job.jobId().toString())).hasSize(1);
        assertThat(webhook.redirected()).as("nothing reached the redirect's target: no re-POST, no GET").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 503, 408, 429})
    void retryableAnswersAreTransient(int status) {
        assertThat(failureClassFor(status)).isEqualTo(FailureClass.TRANSIENT);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 404, 422})
    void rejectedRequestsArePermanent(int status) {
        assertThat(failureClassFor(status)).isEqualTo(FailureClass.PERMANENT);
    }

    @Test
    void readTimeoutIsTransient() {
        NotificationJob job = job();
        webhook.script(job.jobId().toString(), ScriptedWebhook.HANG);

        DeliveryOutcome outcome = provider(URI.create(webhook.url()), Duration.ofMillis(300)).send(job, firstAttempt());

        assertThat(outcome).isInstanceOf(DeliveryOutcome.Failed.class);
        assertThat(((DeliveryOutcome.Failed) outcome).failureClass()).isEqualTo(FailureClass.TRANSIENT);
    }

    @Test
    void connectionRefusedIsTransient() throws IOException {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        DeliveryOutcome outcome = provider(URI.create("http://127.0.0.1:" + closedPort + "/notifications"))
                .send(job(), firstAttempt());

        assertThat(outcome).isInstanceOf(DeliveryOutcome.Failed.class);
        var failed = (DeliveryOutcome.Failed) outcome;
        assertThat(failed.failureClass()).isEqualTo(FailureClass.TRANSIENT);
        assertThat(failed.reason()).startsWith("webhook I/O error");
    }

    private FailureClass failureClassFor(int status) {
        NotificationJob job = job();
        webhook.script(job.jobId().toString(), status);

        DeliveryOutcome outcome = provider(URI.create(webhook.url())).send(job, firstAttempt());

        assertThat(outcome).isInstanceOf(DeliveryOutcome.Failed.class);
        assertThat(webhook.requestsFor(job.jobId().toString())).hasSize(1);
        return ((DeliveryOutcome.Failed) outcome).failureClass();
    }

    private static WebhookNotificationProvider provider(URI url) {
        return provider(url, Duration.ofSeconds(10));
    }

    private static WebhookNotificationProvider provider(URI url, Duration readTimeout) {
        // Built as ProviderConfiguration builds it, without the Spring context.
        return new WebhookNotificationProvider(OutboundHttp.restClient(RestClient.builder(), Duration.ofSeconds(2),
                readTimeout), url, SECRET, JsonMapper.builder().build(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static DeliveryAttempt firstAttempt() {
        return new DeliveryAttempt(1, null, null, List.of());
    }

    private static NotificationJob job() {
        return new NotificationJob(UUID.randomUUID(), "FRAUD_ALERT", UUID.randomUUID(), "c-1", UUID.randomUUID(),
                List.of("AMOUNT_OVER_THRESHOLD"), Instant.parse("2026-11-27T14:00:00Z"));
    }
}
