package io.banksuite.fraud.adapter.out.messaging;

import io.banksuite.outbox.OutboxPublishing;
import io.banksuite.schemas.RabbitTopology;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where fraud alerts go (notification.*): the alerts fanout exchange of the contract ({@link RabbitTopology},
 * overridable), which gives each alert to the notification queue and the audit queue; the routing key a fanout
 * ignores (kept for a direct exchange in its place); and how the outbox (alerts and charge requests alike) is
 * published and kept (tunables, in application.yml).
 */
@Validated
@ConfigurationProperties("notification")
public record NotificationOutboxProperties(
        @DefaultValue(RabbitTopology.FRAUD_ALERTS_EXCHANGE) @NotBlank String exchange,
        @DefaultValue(RabbitTopology.NOTIFICATION_JOB_ROUTING_KEY) @NotBlank String routingKey,
        @Valid @NotNull OutboxPublishing outbox) {
}
