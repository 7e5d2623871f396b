package io.banksuite.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final byte[] BODY = "{\"jobId\":\"j-1\"}".getBytes(StandardCharsets.UTF_8);
    private static final Instant SENT = Instant.parse("2026-12-01T10:00:00Z");
    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    @Test
    void theHeaderIsTheTimestampAndTheHmacOfTimestampDotBody() {
        // Computed independently: printf '1796119200.{"jobId":"j-1"}' | openssl dgst -sha256 -hmac <secret>
        assertThat(WebhookSignature.header(SECRET, SENT, BODY))
                .isEqualTo("t=1796119200,v1=fd89bcfcfb9348b5cf92dfa4c80a5116747b10b733a5727ba06cdc0302f48df7");
    }

    @Test
    void aProviderAcceptsTheSignedBodyWithinTheTolerance() {
        String header = WebhookSignature.header(SECRET, SENT, BODY);

        assertThat(WebhookSignature.verify(SECRET, header, BODY, SENT.plusSeconds(299), TOLERANCE)).isTrue();
    }

    @Test
    void aChangedBodyAnotherSecretOrAnOldTimestampIsRefused() {
        String header = WebhookSignature.header(SECRET, SENT, BODY);
        byte[] otherSecret = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.UTF_8);

        assertThat(WebhookSignature.verify(SECRET, header, "{\"jobId\":\"j-2\"}".getBytes(StandardCharsets.UTF_8),
                SENT, TOLERANCE)).isFalse();
        assertThat(WebhookSignature.verify(otherSecret, header, BODY, SENT, TOLERANCE)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, header, BODY, SENT.plus(TOLERANCE).plusSeconds(1), TOLERANCE))
                .as("a replay after the tolerance").isFalse();
    }

    @Test
    void aMalformedHeaderIsRefusedAndAnyOneOfSeveralSignaturesMayMatch() {
        String header = WebhookSignature.header(SECRET, SENT, BODY);
        String rotating = header.replace("v1=", "v1=" + "00".repeat(32) + ",v1=");

        assertThat(WebhookSignature.verify(SECRET, null, BODY, SENT, TOLERANCE)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "v1=abc", BODY, SENT, TOLERANCE)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "t=x,v1=zz", BODY, SENT, TOLERANCE)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, rotating, BODY, SENT, TOLERANCE)).isTrue();
    }

    @Test
    void aShortSecretIsRefused() {
        assertThatThrownBy(() -> WebhookSignature.secret("too-short"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 32 bytes");
        assertThatThrownBy(() -> WebhookSignature.secret(null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(WebhookSignature.secret("0123456789abcdef0123456789abcdef")).hasSize(32);
    }
}
