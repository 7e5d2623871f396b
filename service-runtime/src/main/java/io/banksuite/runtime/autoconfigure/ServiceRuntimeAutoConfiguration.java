package io.banksuite.runtime.autoconfigure;

import java.time.Clock;

import io.banksuite.runtime.deadletter.DeadLetterAdminController;
import io.banksuite.runtime.deadletter.DeadLetters;
import io.banksuite.runtime.web.HttpLimitsProperties;
import io.banksuite.runtime.web.RequestBodyLimitFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The beans every service shares: the {@link Clock} (UTC; a test replaces it with a fixed one), in a servlet web
 * application the request body limit ({@link RequestBodyLimitFilter}), and, where the service parks messages
 * somewhere ({@link DeadLetters}), the operator endpoints of its dead letters. After kafka-inbox's
 * auto-configuration, which provides the {@link DeadLetters} of a Kafka consumer.
 */
@AutoConfiguration(afterName = "io.banksuite.inbox.autoconfigure.InboxDeadLetterReplayAutoConfiguration")
public class ServiceRuntimeAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The request body limit, first of the filters: an oversized body is refused before anything reads it. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @EnableConfigurationProperties(HttpLimitsProperties.class)
    static class RequestBodyLimit {

        @Bean
        FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(HttpLimitsProperties limits) {
            var registration = new FilterRegistrationBean<>(
                    new RequestBodyLimitFilter(limits.maxRequestBody().toBytes()));
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "org.springframework.web.bind.annotation.RestController")
    @ConditionalOnBean(DeadLetters.class)
    static class DeadLetterEndpoints {

        @Bean
        @ConditionalOnMissingBean
        DeadLetterAdminController deadLetterAdminController(ObjectProvider<DeadLetters> deadLetters) {
            return new DeadLetterAdminController(deadLetters.orderedStream().toList());
        }
    }
}
