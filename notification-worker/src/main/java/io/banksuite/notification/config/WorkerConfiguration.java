package io.banksuite.notification.config;

import io.banksuite.notification.application.DeliverNotificationService;
import io.banksuite.notification.application.port.out.NotificationProvider;
import io.banksuite.notification.application.port.out.SentNotificationStore;
import io.banksuite.notification.domain.RetryPolicy;
import io.banksuite.notification.metrics.NotificationMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the Spring-free domain and application classes. */
@Configuration(proxyBeanMethods = false)
public class WorkerConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    RetryPolicy retryPolicy(NotificationProperties properties) {
        return new RetryPolicy(properties.retry().tiers().stream().map(NotificationProperties.Tier::name).toList());
    }

    @Bean
    NotificationMetrics notificationMetrics(MeterRegistry registry, NotificationProperties properties) {
        return new NotificationMetrics(registry,
                properties.retry().tiers().stream().map(NotificationProperties.Tier::name).toList());
    }

    @Bean
    DeliverNotificationService deliverNotificationService(NotificationProvider provider,
            SentNotificationStore store, Clock clock) {
        return new DeliverNotificationService(provider, store, clock);
    }
}
