package io.banksuite.notification.config;

import io.banksuite.notification.adapter.out.provider.LogNotificationProvider;
import io.banksuite.notification.adapter.out.provider.ProviderProperties;
import io.banksuite.notification.adapter.out.provider.WebhookNotificationProvider;
import io.banksuite.notification.application.port.out.NotificationProvider;
import java.net.http.HttpClient;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/** Selects the provider with {@code notification.provider.type} (log by default). */
@Configuration(proxyBeanMethods = false)
public class ProviderConfiguration {

    @Bean
    @ConditionalOnProperty(name = "notification.provider.type", havingValue = "log", matchIfMissing = true)
    NotificationProvider logNotificationProvider() {
        return new LogNotificationProvider();
    }

    /**
     * Uses Boot's RestClient.Builder (message converters, observations) with a JDK HttpClient of our own so the
     * webhook's timeouts are explicit and independent of other HTTP clients.
     */
    @Bean
    @ConditionalOnProperty(name = "notification.provider.type", havingValue = "webhook")
    NotificationProvider webhookNotificationProvider(RestClient.Builder restClientBuilder,
            ProviderProperties properties) {
        ProviderProperties.Webhook webhook = properties.webhook();
        if (webhook.url() == null) {
            throw new IllegalStateException(
                    "notification.provider.webhook.url is required when notification.provider.type=webhook");
        }
        var requestFactory = ClientHttpRequestFactoryBuilder.jdk()
                // Webhook receivers are HTTP/1.1 servers; skip the JDK client's h2c upgrade attempt.
                .withHttpClientCustomizer(builder -> builder.version(HttpClient.Version.HTTP_1_1))
                .build(HttpClientSettings.defaults().withTimeouts(webhook.connectTimeout(), webhook.readTimeout()));
        return new WebhookNotificationProvider(restClientBuilder.requestFactory(requestFactory).build(),
                webhook.url());
    }
}
