package io.banksuite.fraud.adapter.out.messaging;

import io.banksuite.schemas.RabbitTopology;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where charge requests go (charge.*): the charges exchange and routing key of the contract ({@link RabbitTopology},
 * overridable); they leave through the same outbox as the alerts.
 */
@Validated
@ConfigurationProperties("charge")
public record ChargeOutboxProperties(
        @DefaultValue(RabbitTopology.CHARGES_EXCHANGE) @NotBlank String exchange,
        @DefaultValue(RabbitTopology.CHARGE_REQUEST_ROUTING_KEY) @NotBlank String routingKey) {
}
