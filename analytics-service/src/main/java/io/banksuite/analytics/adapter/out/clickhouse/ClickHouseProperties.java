package io.banksuite.analytics.adapter.out.clickhouse;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where analytics keeps its events (prefix {@code analytics.clickhouse}): a ClickHouse server's HTTP interface.
 *
 * @param url            the HTTP endpoint, e.g. {@code http://127.0.0.1:8123}
 * @param database       created at start-up with the table when missing
 * @param username       a ClickHouse user that may create the database and insert and read
 * @param password       its password; empty for a local server's {@code default} user, a secret elsewhere
 * @param connectTimeout how long to wait for a connection
 * @param socketTimeout  how long one insert or query may wait for the server; past it the batch is retried
 */
@Validated
@ConfigurationProperties("analytics.clickhouse")
public record ClickHouseProperties(
        @DefaultValue("http://127.0.0.1:8123") @NotBlank String url,
        @DefaultValue("bank_analytics") @NotBlank @Pattern(regexp = "[A-Za-z_][A-Za-z0-9_]*") String database,
        @DefaultValue("default") @NotBlank String username,
        @DefaultValue("") @NotNull String password,
        @DefaultValue("5s") @NotNull Duration connectTimeout,
        @DefaultValue("30s") @NotNull Duration socketTimeout) {
}
