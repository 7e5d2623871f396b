package io.banksuite.outbox;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * How a service publishes and keeps its own outbox, as a nested {@code outbox} block of its configuration
 * properties (the values are tunables, stated in each service's application.yml).
 *
 * @param pollInterval   pause between two polls of the outbox table
 * @param batchSize      rows published per poll at most
 * @param confirmTimeout how long to wait for the broker's confirm before counting a row as not sent
 * @param maxBackoff     longest pause between polls while every attempt fails (it doubles up to this)
 * @param sentRetention  how long sent rows are kept (for operators) before they are deleted
 * @param purgeInterval  how often sent rows past their retention are deleted
 */
public record OutboxPublishing(@NotNull Duration pollInterval, @Min(1) @Max(10_000) int batchSize,
                               @NotNull Duration confirmTimeout, @NotNull Duration maxBackoff,
                               @NotNull Duration sentRetention, @NotNull Duration purgeInterval) {
}
