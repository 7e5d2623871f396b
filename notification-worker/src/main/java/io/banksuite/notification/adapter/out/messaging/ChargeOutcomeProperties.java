package io.banksuite.notification.adapter.out.messaging;

import io.banksuite.outbox.OutboxPublishing;
import io.banksuite.schemas.RabbitTopology;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where charge outcomes go (prefix {@code charge.outcomes}): the exchange and routing key of the contract
 * ({@link RabbitTopology}, overridable), and how the worker's outbox is published and kept (tunables, in
 * application.yml).
 */
@Validated
@ConfigurationProperties("charge.outcomes")
public record ChargeOutcomeProperties(
        @DefaultValue(RabbitTopology.CHARGE_OUTCOMES_EXCHANGE) @NotBlank String exchange,
        @DefaultValue(RabbitTopology.CHARGE_OUTCOME_ROUTING_KEY) @NotBlank String routingKey,
        @Valid @NotNull OutboxPublishing outbox) {
}
