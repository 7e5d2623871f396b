package io.banksuite.transaction.config;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamReadFeature;

/**
 * The service's JSON parsing refuses duplicate keys: {@code {"amount":"1.00","amount":"2.00"}} is not a request
 * whose meaning anyone should guess (by default the last one wins). Unknown fields and values of the wrong type are
 * refused by {@code StrictJsonBody}, which names them all.
 */
@Configuration(proxyBeanMethods = false)
public class JsonConfiguration {

    @Bean
    JsonMapperBuilderCustomizer refuseDuplicateKeys() {
        return builder -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }
}
