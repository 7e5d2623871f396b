package io.banksuite.fraud.adapter.out.messaging;

import java.time.Duration;

import io.banksuite.schemas.RabbitTopology;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where fraud alerts go (notification.*): the alerts fanout exchange of the contract ({@link RabbitTopology},
 * overridable), which gives each alert to the notification queue and the audit queue; the routing key a fanout
 * ignores (kept for a direct exchange in its place); and how the outbox publisher polls (tunables, in
 * application.yml).
 */
@Validated
@ConfigurationProperties("notification")
public record NotificationOutboxProperties(
        @DefaultValue(RabbitTopology.FRAUD_ALERTS_EXCHANGE) @NotBlank String exchange,
        @DefaultValue(RabbitTopology.NOTIFICATION_JOB_ROUTING_KEY) @NotBlank String routingKey,
        @Valid @NotNull Outbox outbox) {

    /**
     * @param pollInterval   pause between two polls of the outbox table
     * @param batchSize      rows published per poll at most
     * @param confirmTimeout how long to wait for the broker's confirm before counting a row as not sent
     * @param maxBackoff     longest pause between polls while every attempt fails (it doubles up to this)
     * @param sentRetention  how long sent rows are kept (for operators) before they are deleted
     * @param purgeInterval  how often sent rows past their retention are deleted
     */
    public record Outbox(@NotNull Duration pollInterval, @Min(1) @Max(10_000) int batchSize,
                         @NotNull Duration confirmTimeout, @NotNull Duration maxBackoff,
                         @NotNull Duration sentRetention, @NotNull Duration purgeInterval) {
    }
}
