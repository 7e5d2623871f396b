package io.banksuite.transaction.config;

import io.banksuite.outbox.OutboxWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

@Configuration(proxyBeanMethods = false)
class OutboxConfiguration {

    /** Writes on the service's own DataSource, so that it joins the transaction of {@code @Transactional}. */
    @Bean
    OutboxWriter outboxWriter(DataSource dataSource) {
        return new OutboxWriter(dataSource);
    }
}
