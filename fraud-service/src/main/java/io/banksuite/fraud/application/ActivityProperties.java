package io.banksuite.fraud.application;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How long client_activity rows are kept (fraud.activity.*). The retention must be longer than what the rules
 * look back, plus any consumer lag you want decisions to stay exact through.
 */
@Validated
@ConfigurationProperties("fraud.activity")
public record ActivityProperties(@NotNull Duration retention, @NotNull Duration purgeInterval) {
}
