package io.banksuite.runtime.autoconfigure;

import java.time.Clock;

import io.banksuite.runtime.deadletter.DeadLetterAdminController;
import io.banksuite.runtime.deadletter.DeadLetters;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The beans every service shares: the {@link Clock} (UTC; a test replaces it with a fixed one) and, in a servlet
 * web application whose service parks messages somewhere ({@link DeadLetters}), the operator endpoints of its dead
 * letters. After kafka-inbox's auto-configuration, which provides the {@link DeadLetters} of a Kafka consumer.
 */
@AutoConfiguration(afterName = "io.banksuite.inbox.autoconfigure.InboxDeadLetterReplayAutoConfiguration")
public class ServiceRuntimeAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
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
