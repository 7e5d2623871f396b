package io.banksuite.notification.config;

import java.net.http.HttpClient;
import java.time.Duration;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.web.client.RestClient;

/**
 * The worker's outbound HTTP clients (the webhook, the card processor): each its own JDK HttpClient on HTTP/1.1
 * (the receivers are HTTP/1.1 servers; the h2c upgrade attempt is skipped), with explicit timeouts, and redirects
 * never followed: a POST answered with a redirect is not the answer of the server we meant to call. Built on Boot's
 * RestClient.Builder (message converters, observations).
 */
public final class OutboundHttp {

    private OutboundHttp() {
    }

    public static RestClient restClient(RestClient.Builder builder, Duration connectTimeout, Duration readTimeout) {
        var requestFactory = ClientHttpRequestFactoryBuilder.jdk()
                .withHttpClientCustomizer(http -> http.version(HttpClient.Version.HTTP_1_1))
                .build(HttpClientSettings.defaults()
                        .withTimeouts(connectTimeout, readTimeout)
                        .withRedirects(HttpRedirects.DONT_FOLLOW));
        return builder.requestFactory(requestFactory).build();
    }
}
