package io.banksuite.analytics.adapter.in.web;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the analytics API (prefix {@code analytics.api}).
 *
 * @param maxRange        the longest {@code to - from} the per-minute query may ask for, which bounds the rows it
 *                        returns
 * @param maxCountryRange the longest {@code to - from} of the per-country query: its answer is small whatever the
 *                        range, and ClickHouse reads only the columns it sums
 */
@Validated
@ConfigurationProperties("analytics.api")
public record AnalyticsApiProperties(@DefaultValue("24h") @NotNull Duration maxRange,
                                     @DefaultValue("366d") @NotNull Duration maxCountryRange) {
}
