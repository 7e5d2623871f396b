package io.banksuite.transaction.adapter.in.amqp;

import java.time.Duration;

import io.banksuite.schemas.RabbitTopology;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where charge outcomes come from (prefix {@code charge-outcomes}): the exchange notification-worker publishes to,
 * the queue this service owns on it and its dead-letter queue (names of the contract, {@link RabbitTopology}), and
 * how the queue is consumed.
 *
 * @param listen       whether this instance consumes the queue at all (false: an instance that serves the API only,
 *                     and opens no RabbitMQ connection)
 * @param prefetch     unacked outcomes per consumer
 * @param concurrency  consumers
 * @param requeueDelay pause before an outcome that failed on our side (database down) is requeued
 * @param confirmTimeout how long parking or replaying an outcome waits for the broker's publisher confirm
 * @param replayDefaultMax outcomes listed or replayed by one operator call that does not say how many
 * @param replayMaxPerCall the most one operator call may list or replay
 */
@Validated
@ConfigurationProperties("charge-outcomes")
public record ChargeOutcomeProperties(
        @DefaultValue(RabbitTopology.CHARGE_OUTCOMES_EXCHANGE) @NotBlank String exchange,
        @DefaultValue(RabbitTopology.CHARGE_OUTCOME_ROUTING_KEY) @NotBlank String routingKey,
        @DefaultValue(RabbitTopology.TRANSACTION_CHARGE_OUTCOMES_QUEUE) @NotBlank String queue,
        @DefaultValue(RabbitTopology.TRANSACTION_CHARGE_OUTCOMES_DEAD_LETTER_QUEUE) @NotBlank String deadLetter,
        @DefaultValue("true") boolean listen,
        @DefaultValue("10") @Min(1) @Max(1_000) int prefetch,
        @DefaultValue("1") @Min(1) @Max(16) int concurrency,
        @DefaultValue("1s") @NotNull Duration requeueDelay,
        @DefaultValue("10s") @NotNull Duration confirmTimeout,
        @DefaultValue("100") @Min(1) int replayDefaultMax,
        @DefaultValue("10000") @Min(1) int replayMaxPerCall) {
}
