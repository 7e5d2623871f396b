package io.banksuite.notification.config;

import io.banksuite.notification.adapter.out.cardprocessor.CardProcessorProperties;
import io.banksuite.notification.adapter.out.cardprocessor.HttpCardProcessor;
import io.banksuite.notification.adapter.out.provider.LogNotificationProvider;
import io.banksuite.notification.adapter.out.provider.ProviderProperties;
import io.banksuite.notification.adapter.out.provider.WebhookNotificationProvider;
import io.banksuite.notification.application.port.out.NotificationProvider;
import io.banksuite.notification.domain.WebhookSignature;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Selects the notification provider with {@code notification.provider.type} (log by default), and builds the card
 * processor's HTTP adapter: the worker's outbound HTTP, both through {@link OutboundHttp}.
 */
@Configuration(proxyBeanMethods = false)
public class ProviderConfiguration {

    @Bean
    @ConditionalOnProperty(name = "notification.provider.type", havingValue = "log", matchIfMissing = true)
    NotificationProvider logNotificationProvider() {
        return new LogNotificationProvider();
    }

    /** The webhook needs its URL and a signing secret of at least 32 bytes: the service does not start without. */
    @Bean
    @ConditionalOnProperty(name = "notification.provider.type", havingValue = "webhook")
    NotificationProvider webhookNotificationProvider(RestClient.Builder restClientBuilder,
            ProviderProperties properties, JsonMapper json, Clock clock) {
        ProviderProperties.Webhook webhook = properties.webhook();
        if (webhook.url() == null) {
            throw new IllegalStateException(
                    "notification.provider.webhook.url is required when notification.provider.type=webhook");
        }
        byte[] secret;
        try {
            secret = WebhookSignature.secret(webhook.signingSecret());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("notification.provider.webhook.signing-secret (environment variable "
                    + "NOTIFICATION_PROVIDER_WEBHOOK_SIGNING_SECRET): " + e.getMessage(), e);
        }
        return new WebhookNotificationProvider(OutboundHttp.restClient(restClientBuilder, webhook.connectTimeout(),
                webhook.readTimeout()), webhook.url(), secret, json, clock);
    }

    @Bean
    HttpCardProcessor httpCardProcessor(RestClient.Builder restClientBuilder, CardProcessorProperties properties,
                                        JsonMapper json) {
        return new HttpCardProcessor(OutboundHttp.restClient(restClientBuilder, properties.connectTimeout(),
                properties.readTimeout()), properties, json);
    }
}
