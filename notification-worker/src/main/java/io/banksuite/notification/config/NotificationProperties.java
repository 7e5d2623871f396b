package io.banksuite.notification.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Every name, TTL and knob of the notification worker. Defaults live in application.yml; the integration tests
 * override the names with a random prefix.
 *
 * <p>Topology: the work queue is bound to {@link #exchange()} under {@link #routingKey()}; each retry queue and the
 * dead-letter queue are bound to the same exchange under their own queue name, so the worker publishes everything
 * through one exchange and every publish can be checked with mandatory returns.
 */
@Validated
@ConfigurationProperties(prefix = "notification")
public record NotificationProperties(
        @NotBlank String exchange,
        @NotBlank String routingKey,
        @Valid @NotNull Queues queues,
        @Valid @NotNull Retry retry,
        @Valid @NotNull Consumer consumer,
        @Valid @NotNull Publisher publisher,
        @Valid @NotNull Provider provider) {

    /** The work queue the worker consumes and the dead-letter queue operators inspect and replay. */
    public record Queues(@NotBlank String work, @NotBlank String deadLetter) {
    }

    /**
     * Retry tiers in the order they are used: the first transient failure goes to tiers[0], the second to
     * tiers[1], and so on; a transient failure after the last tier goes to the dead-letter queue.
     */
    public record Retry(@NotNull List<@Valid Tier> tiers) {
    }

    /**
     * One delay tier: a durable queue with x-message-ttl whose expired messages dead-letter back to the work
     * exchange and routing key.
     */
    public record Tier(@NotBlank String name, @NotBlank String queue, @NotNull Duration ttl) {
        public Tier {
            if (ttl != null && (ttl.isNegative() || ttl.isZero() || ttl.toMillis() > Integer.MAX_VALUE)) {
                throw new IllegalArgumentException("retry tier " + name + ": ttl must be > 0 and fit x-message-ttl");
            }
        }
    }

    /**
     * Listener container settings: unacknowledged messages per consumer, number of consumers, and how long a
     * consumer pauses before requeueing a message it could not finish (database down, republish not confirmed),
     * so that a broken dependency does not turn into a tight redelivery loop hammering the provider.
     */
    public record Consumer(@Positive @Max(1000) int prefetch, @Positive @Max(64) int concurrency,
            @NotNull Duration requeueDelay) {
    }

    /** How long to wait for the broker's publisher confirm before treating a republish as failed. */
    public record Publisher(@NotNull Duration confirmTimeout) {
    }

    public record Provider(@NotNull ProviderType type, @Valid @NotNull Webhook webhook) {
    }

    public enum ProviderType {
        /** Logs the notification instead of sending it: the local demo. */
        LOG,
        /** POSTs the job JSON to {@link Webhook#url()}. */
        WEBHOOK
    }

    /** The url is required only when the webhook provider is selected (checked when the adapter is created). */
    public record Webhook(URI url, @NotNull Duration connectTimeout, @NotNull Duration readTimeout) {
    }
}
