package io.banksuite.notification.adapter.in.amqp;

import java.time.Duration;
import java.util.List;

import io.banksuite.schemas.RabbitTopology;
import io.banksuite.schemas.RabbitTopology.WorkQueue;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The worker's RabbitMQ side (prefix {@code worker}): the fanout exchange of fraud alerts and the two work queues it
 * feeds, each with its own exchange, retry tiers and dead-letter queue. Every name defaults to the suite's contract
 * ({@link RabbitTopology}) and can be overridden, as the integration tests do with a random prefix; consumer and
 * publisher tunables come from application.yml and apply to both queues.
 *
 * @param alertsExchange the fanout exchange both queues are bound to (fraud-service publishes each alert there once)
 */
@Validated
@ConfigurationProperties(prefix = "worker")
public record WorkerQueueProperties(
        @DefaultValue(RabbitTopology.FRAUD_ALERTS_EXCHANGE) @NotBlank String alertsExchange,
        @DefaultValue @Valid @NotNull Queues queues,
        @Valid @NotNull Consumer consumer,
        @Valid @NotNull Publisher publisher,
        @DefaultValue @Valid @NotNull Replay replay) {

    /**
     * The work queues: {@code notifications} (jobs delivered through the provider) and {@code audit} (alerts appended
     * to the audit log), both fed by the alerts fanout, and {@code charges} (cards charged through the card
     * processor), fed through its own exchange. A setting left out takes the contract's value.
     */
    public record Queues(@Valid QueueSettings notifications, @Valid QueueSettings audit,
                         @Valid QueueSettings charges) {

        public Queues {
            notifications = QueueSettings.completed(notifications, RabbitTopology.NOTIFICATIONS);
            audit = QueueSettings.completed(audit, RabbitTopology.AUDIT);
            charges = QueueSettings.completed(charges, RabbitTopology.CHARGES);
        }

        /** The queues the alerts fanout feeds, the main one (notifications) first. */
        public List<QueueSettings> alertQueues() {
            return List.of(notifications, audit);
        }

        /** Every queue, the main one (notifications) first. */
        public List<QueueSettings> all() {
            return List.of(notifications, audit, charges);
        }
    }

    /**
     * One work queue, as {@link WorkQueue} describes it: the work queue is bound to {@code exchange} under
     * {@code routingKey}, and to the alerts fanout; each retry tier and the dead-letter queue are bound to
     * {@code exchange} under their own name; a tier's expired messages are dead-lettered back to {@code exchange} and
     * {@code routingKey}, so a retried job reaches this queue alone.
     *
     * <p>Tiers are used in order: the first transient failure goes to tiers[0], the second to tiers[1], and so on; a
     * transient failure after the last tier goes to the dead-letter queue. Changing the ttl of an existing tier
     * needs its queue deleted first (RabbitMQ refuses changed arguments).
     *
     * @param name the queue's name in metrics, logs and operator endpoints: always the contract's
     */
    public record QueueSettings(@NotBlank String name, @NotBlank String exchange, @NotBlank String routingKey,
                                @NotBlank String work, @NotBlank String deadLetter,
                                @NotEmpty List<@Valid Tier> tiers) {

        public QueueSettings {
            tiers = tiers == null ? null : List.copyOf(tiers);
        }

        static QueueSettings completed(QueueSettings configured, WorkQueue contract) {
            QueueSettings given = configured == null
                    ? new QueueSettings(null, null, null, null, null, null) : configured;
            List<Tier> tiers = given.tiers() == null || given.tiers().isEmpty()
                    ? contract.tiers().stream().map(t -> new Tier(t.name(), t.queue(), t.ttl())).toList()
                    : given.tiers();
            return new QueueSettings(contract.name(), or(given.exchange(), contract.exchange()),
                    or(given.routingKey(), contract.routingKey()), or(given.work(), contract.queue()),
                    or(given.deadLetter(), contract.deadLetter()), tiers);
        }

        public List<String> tierNames() {
            return tiers.stream().map(Tier::name).toList();
        }

        public List<String> retryQueues() {
            return tiers.stream().map(Tier::queue).toList();
        }

        private static String or(String value, String fallback) {
            return value == null || value.isBlank() ? fallback : value;
        }
    }

    /** One delay tier: a durable queue with x-message-ttl whose expired messages return to its work queue. */
    public record Tier(@NotBlank String name, @NotBlank String queue, @NotNull Duration ttl) {
        public Tier {
            if (ttl != null && (ttl.isNegative() || ttl.isZero() || ttl.toMillis() > Integer.MAX_VALUE)) {
                throw new IllegalArgumentException("retry tier " + name + ": ttl must be > 0 and fit x-message-ttl");
            }
        }
    }

    /**
     * Listener container settings, per queue: unacknowledged messages per consumer, number of consumers, and how
     * long a consumer pauses before requeueing a message it could not finish (database down, republish not
     * confirmed), so that a broken dependency does not turn into a tight redelivery loop.
     */
    public record Consumer(@Positive @Max(1000) int prefetch, @Positive @Max(64) int concurrency,
            @NotNull Duration requeueDelay) {
    }

    /** How long to wait for the broker's publisher confirm before treating a republish as failed. */
    public record Publisher(@NotNull Duration confirmTimeout) {
    }

    /**
     * The operator's listing and replay of the dead-letter queues ({@code /api/v1/admin/dead-letters}).
     *
     * @param defaultMax messages listed or replayed by one call that does not say how many
     * @param maxPerCall the most one call may list or replay
     */
    public record Replay(@DefaultValue("100") @Min(1) int defaultMax, @DefaultValue("10000") @Min(1) int maxPerCall) {
    }
}
