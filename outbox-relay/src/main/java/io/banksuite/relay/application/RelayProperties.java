package io.banksuite.relay.application;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * The relay's settings (prefix {@code outbox.relay}); defaults and their reasons are in application.yml.
 *
 * @param batchSize              most rows read and published per poll
 * @param pollInterval           pause after a poll that found less than a full batch
 * @param standbyInterval        how often a standby instance tries to take the lock
 * @param initialBackoff         pause after the first failed attempt at a row; doubles per failure
 * @param maxBackoff             longest pause between attempts
 * @param lockId                 the PostgreSQL advisory lock key that elects the one active relay of a database
 * @param lockSessionIdleTimeout idle_session_timeout of the lock's connection, so that the server frees the lock
 *                               of a relay whose host vanished without closing its connection
 * @param shutdownTimeout        how long stopping waits for the batch in progress
 */
@Validated
@ConfigurationProperties("outbox.relay")
public record RelayProperties(
        @Min(1) @Max(10_000) int batchSize,
        @NotNull Duration pollInterval,
        @NotNull Duration standbyInterval,
        @NotNull Duration initialBackoff,
        @NotNull Duration maxBackoff,
        long lockId,
        @NotNull Duration lockSessionIdleTimeout,
        @NotNull Duration shutdownTimeout) {
}
