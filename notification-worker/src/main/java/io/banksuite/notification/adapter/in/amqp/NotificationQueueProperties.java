package io.banksuite.notification.adapter.in.amqp;

import java.time.Duration;
import java.util.List;

import io.banksuite.schemas.RabbitTopology;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The worker's RabbitMQ side (prefix {@code notification}): names default to the suite's contract
 * ({@link RabbitTopology}, overridable, as the integration tests do with a random prefix); consumer and publisher
 * tunables come from application.yml.
 *
 * <p>Topology: the work queue is bound to {@link #exchange()} under {@link #routingKey()}; each retry queue and the
 * dead-letter queue are bound to the same exchange under their own queue name, so the worker publishes everything
 * through one exchange and every publish can be checked with mandatory returns.
 */
@Validated
@ConfigurationProperties(prefix = "notification")
public record NotificationQueueProperties(
        @DefaultValue(RabbitTopology.NOTIFICATIONS_EXCHANGE) @NotBlank String exchange,
        @DefaultValue(RabbitTopology.NOTIFICATION_JOB_ROUTING_KEY) @NotBlank String routingKey,
        @DefaultValue @Valid @NotNull Queues queues,
        @DefaultValue @Valid @NotNull Retry retry,
        @Valid @NotNull Consumer consumer,
        @Valid @NotNull Publisher publisher,
        @DefaultValue @Valid @NotNull Replay replay) {

    /** The work queue the worker consumes and the dead-letter queue operators inspect and replay. */
    public record Queues(
            @DefaultValue(RabbitTopology.NOTIFICATION_JOBS_QUEUE) @NotBlank String work,
            @DefaultValue(RabbitTopology.NOTIFICATIONS_DEAD_LETTER_QUEUE) @NotBlank String deadLetter) {
    }

    /**
     * Retry tiers in the order they are used: the first transient failure goes to tiers[0], the second to
     * tiers[1], and so on; a transient failure after the last tier goes to the dead-letter queue. Without any
     * configured, the suite's tiers ({@link RabbitTopology#NOTIFICATION_RETRY_TIERS}: 30 s, 1 min, 5 min).
     */
    public record Retry(List<@Valid Tier> tiers) {

        public Retry {
            tiers = tiers == null || tiers.isEmpty()
                    ? RabbitTopology.NOTIFICATION_RETRY_TIERS.stream()
                            .map(t -> new Tier(t.name(), t.queue(), t.ttl())).toList()
                    : List.copyOf(tiers);
        }

        public List<String> tierNames() {
            return tiers.stream().map(Tier::name).toList();
        }

        public List<String> queues() {
            return tiers.stream().map(Tier::queue).toList();
        }
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

    /**
     * The operator's listing and replay of the dead-letter queue ({@code /api/v1/admin/dead-letters}).
     *
     * @param defaultMax messages listed or replayed by one call that does not say how many
     * @param maxPerCall the most one call may list or replay
     */
    public record Replay(@DefaultValue("100") @Min(1) int defaultMax, @DefaultValue("10000") @Min(1) int maxPerCall) {
    }
}
