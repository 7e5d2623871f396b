package io.banksuite.analytics.adapter.in.web;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the analytics API (prefix {@code analytics.api}).
 *
 * @param maxRange the longest {@code to - from} a query may ask for, which bounds the rows it returns
 */
@Validated
@ConfigurationProperties("analytics.api")
public record AnalyticsApiProperties(@DefaultValue("24h") @NotNull Duration maxRange) {
}
