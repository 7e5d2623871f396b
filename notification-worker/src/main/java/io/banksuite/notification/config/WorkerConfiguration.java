package io.banksuite.notification.config;

import io.banksuite.notification.adapter.in.amqp.NotificationQueueProperties;
import io.banksuite.notification.domain.RetryPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The domain's policy, built from the configured retry tiers (the domain knows no Spring). */
@Configuration(proxyBeanMethods = false)
public class WorkerConfiguration {

    @Bean
    RetryPolicy retryPolicy(NotificationQueueProperties properties) {
        return new RetryPolicy(properties.retry().tierNames());
    }
}
