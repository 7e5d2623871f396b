package io.banksuite.notification.adapter.out.provider;

import io.banksuite.notification.application.port.out.NotificationProvider;
import io.banksuite.notification.domain.DeliveryAttempt;
import io.banksuite.notification.domain.DeliveryOutcome;
import io.banksuite.schemas.MessageHeaders;
import io.banksuite.schemas.notification.NotificationJob;
import io.banksuite.schemas.tracing.TraceContext;
import io.banksuite.notification.domain.ProviderResponseClassifier;
import io.banksuite.notification.domain.WebhookSignature;
import java.net.URI;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * POSTs the job JSON to a webhook. {@code Idempotency-Key: <jobId>} lets the provider drop the duplicate that the
 * worker sends if it crashes between a successful send and recording it; {@code X-Notification-Attempt} tells the
 * provider which attempt this is; {@code traceparent} continues the trace; {@code X-Bank-Signature} lets it check
 * that the body came from us, unchanged and recently ({@link WebhookSignature}). Redirects are never followed (a
 * 307 would re-POST the job elsewhere, a 302 turn it into a GET whose 200 would count as sent): a 3xx is a
 * permanent failure, the URL a configuration error.
 */
public class WebhookNotificationProvider implements NotificationProvider {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String ATTEMPT = "X-Notification-Attempt";

    private static final Logger log = LoggerFactory.getLogger(WebhookNotificationProvider.class);

    private final RestClient restClient;
    private final URI url;
    private final byte[] signingSecret;
    private final JsonMapper json;
    private final Clock clock;

    /**
     * @param restClient    a client that follows no redirects, with the webhook's timeouts
     * @param signingSecret the secret shared with the provider, at least {@link WebhookSignature#MIN_SECRET_BYTES}
     */
    public WebhookNotificationProvider(RestClient restClient, URI url, byte[] signingSecret, JsonMapper json,
                                       Clock clock) {
        this.restClient = restClient;
        this.url = url;
        this.signingSecret = signingSecret.clone();
        this.json = json;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public DeliveryOutcome send(NotificationJob job, DeliveryAttempt attempt) {
        // The bytes signed are the bytes sent.
        byte[] body = json.writeValueAsBytes(job);
        try {
            int status = restClient.post()
                    .uri(url)
                    .contentType(MediaType.APPLICATION_JSON)
                    .header(IDEMPOTENCY_KEY, job.jobId().toString())
                    .header(WebhookSignature.HEADER, WebhookSignature.header(signingSecret, clock.instant(), body))
                    .header(ATTEMPT, Integer.toString(attempt.number()))
                    .headers(headers -> {
                        // With a tracing agent, its client span writes the header (a child of this delivery).
                        if (attempt.traceparent() != null && !TraceContext.hasCurrentSpan()) {
                            headers.set(MessageHeaders.TRACEPARENT, attempt.traceparent());
                        }
                    })
                    .body(body)
                    // Read the status ourselves: the default handler would throw on 4xx/5xx.
                    .exchange((request, response) -> response.getStatusCode().value(), true);
            DeliveryOutcome outcome = ProviderResponseClassifier.classify(status);
            if (outcome instanceof DeliveryOutcome.Failed failed) {
                log.warn("Webhook refused jobId={} traceId={} attempt={}: {} ({})", job.jobId(), attempt.traceId(),
                        attempt.number(), failed.reason(), failed.failureClass());
            }
            return outcome;
        } catch (ResourceAccessException e) {
            // Connection refused or reset, DNS failure, connect or read timeout: the provider may be back soon.
            log.warn("Webhook unreachable for jobId={} traceId={} attempt={}: {}", job.jobId(), attempt.traceId(),
                    attempt.number(), e.getMessage(), e);
            return DeliveryOutcome.transientFailure("webhook I/O error: " + e.getMessage());
        }
    }
}
