package io.banksuite.notification.adapter.out.cardprocessor;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import io.banksuite.notification.application.port.out.CardProcessor;
import io.banksuite.notification.domain.CardProcessorAnswer;
import io.banksuite.notification.domain.DeliveryAttempt;
import io.banksuite.notification.domain.FailureClass;
import io.banksuite.schemas.MessageHeaders;
import io.banksuite.schemas.charge.ChargeRequest;
import io.banksuite.schemas.tracing.TraceContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The card processor over HTTP: {@code POST <url>/v1/charges} with the card, amount, currency and merchant, and
 * {@code Idempotency-Key: <transactionId>}, so that one transaction is charged once however often it is asked.
 * 2xx is an approval ({@code id} is the processor's reference); 402 a decline ({@code id}, {@code declineCode});
 * 408, 425, 429, 5xx and I/O errors transient; any other status permanent. Redirects are not followed: a charge
 * POSTed elsewhere is not this processor's answer.
 */
public class HttpCardProcessor implements CardProcessor {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private static final Logger log = LoggerFactory.getLogger(HttpCardProcessor.class);

    private final RestClient client;
    private final URI chargesUrl;
    private final JsonMapper json;

    /** @param client a client that follows no redirects, with the processor's timeouts */
    public HttpCardProcessor(RestClient client, CardProcessorProperties properties, JsonMapper json) {
        this.client = client;
        this.chargesUrl = properties.url().resolve("/v1/charges");
        this.json = json;
    }

    @Override
    public CardProcessorAnswer charge(ChargeRequest request, DeliveryAttempt attempt) {
        try {
            return client.post().uri(chargesUrl)
                    .contentType(MediaType.APPLICATION_JSON)
                    .header(IDEMPOTENCY_KEY, request.transactionId().toString())
                    .headers(headers -> {
                        // With a tracing agent, its client span writes the header (a child of this delivery).
                        if (attempt.traceparent() != null && !TraceContext.hasCurrentSpan()) {
                            headers.set(MessageHeaders.TRACEPARENT, attempt.traceparent());
                        }
                    })
                    .body(body(request))
                    .exchange((req, response) -> answer(response.getStatusCode().value(),
                            response.getBody().readAllBytes()), true);
        } catch (ResourceAccessException e) {
            log.warn("Card processor unreachable for transactionId={} traceId={} attempt={}: {}",
                    request.transactionId(), attempt.traceId(), attempt.number(), e.getMessage());
            return new CardProcessorAnswer.Failed(FailureClass.TRANSIENT, "card processor I/O error: "
                    + e.getMessage());
        }
    }

    private static Map<String, Object> body(ChargeRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("cardId", request.cardId());
        body.put("amountMinor", request.amountMinor());
        body.put("currency", request.currency());
        body.put("merchantId", request.merchantId());
        body.put("reference", request.transactionId().toString());
        return body;
    }

    private CardProcessorAnswer answer(int status, byte[] body) {
        if (status >= 200 && status < 300) {
            String reference = field(body, "id");
            return reference == null
                    ? CardProcessorAnswer.failureOf(502) : new CardProcessorAnswer.Approved(reference);
        }
        if (status == 402) {
            String code = field(body, "declineCode");
            return new CardProcessorAnswer.Declined(field(body, "id"), code == null ? "declined" : code);
        }
        return CardProcessorAnswer.failureOf(status);
    }

    private String field(byte[] body, String name) {
        try {
            JsonNode node = json.readTree(body).get(name);
            return node == null || node.isNull() ? null : node.asString();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
