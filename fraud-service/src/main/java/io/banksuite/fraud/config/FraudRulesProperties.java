package io.banksuite.fraud.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.validation.annotation.Validated;

/** Settings of the fraud rules (fraud.rules.*); defaults and meaning in application.yml. */
@Validated
@ConfigurationProperties("fraud.rules")
public record FraudRulesProperties(@Valid @NotNull AmountThreshold amountThreshold, @Valid @NotNull Velocity velocity) {

    /**
     * @param defaultThreshold threshold in major units of any currency without an override
     * @param perCurrency      thresholds in major units by ISO 4217 code
     */
    public record AmountThreshold(@Name("default") @NotNull @PositiveOrZero BigDecimal defaultThreshold,
                                  Map<String, @NotNull @PositiveOrZero BigDecimal> perCurrency) {

        public AmountThreshold {
            perCurrency = perCurrency == null ? Map.of() : Map.copyOf(perCurrency);
        }
    }

    /** More than {@code maxTransactions} by one client within {@code window} (event time) is flagged. */
    public record Velocity(@Min(1) int maxTransactions, @NotNull Duration window) {
    }
}
