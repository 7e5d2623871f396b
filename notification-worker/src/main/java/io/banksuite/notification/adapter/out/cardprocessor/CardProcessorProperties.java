package io.banksuite.notification.adapter.out.cardprocessor;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The card processor's HTTP API (prefix {@code charge.processor}): the local simulator by default.
 *
 * @param url            base URL; charges are POSTed to {@code <url>/v1/charges}
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout    how long to wait for an answer; past it, the call failed (the processor may still have
 *                       charged: the retry's idempotency key makes it answer the same, not charge again)
 */
@Validated
@ConfigurationProperties(prefix = "charge.processor")
public record CardProcessorProperties(@DefaultValue("http://127.0.0.1:8097") @NotNull URI url,
                                      @DefaultValue("2s") @NotNull Duration connectTimeout,
                                      @DefaultValue("5s") @NotNull Duration readTimeout) {
}
