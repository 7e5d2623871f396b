package io.banksuite.notification.adapter.out.provider;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Which provider sends the notifications, and how (prefix {@code notification.provider}). */
@Validated
@ConfigurationProperties(prefix = "notification.provider")
public record ProviderProperties(@NotNull ProviderType type, @Valid @NotNull Webhook webhook) {

    public enum ProviderType {
        /** Logs the notification instead of sending it: the local demo. */
        LOG,
        /** POSTs the job JSON to {@link Webhook#url()}. */
        WEBHOOK
    }

    /**
     * The url and the signing secret are required only when the webhook provider is selected (checked when the
     * adapter is created).
     *
     * @param signingSecret the HMAC secret shared with the provider (at least 32 bytes), from the environment
     *                      ({@code NOTIFICATION_PROVIDER_WEBHOOK_SIGNING_SECRET}); never in a file of the repository
     */
    public record Webhook(URI url, @NotNull Duration connectTimeout, @NotNull Duration readTimeout,
                          String signingSecret) {

        /** Never prints the secret. */
        @Override
        public String toString() {
            return "Webhook[url=" + url + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
                    + ", signingSecret=" + (signingSecret == null || signingSecret.isEmpty() ? "unset" : "****") + "]";
        }
    }
}
