package io.banksuite.inbox.autoconfigure;

import javax.sql.DataSource;

import io.banksuite.inbox.InboxProcessor;
import io.banksuite.inbox.InboxProperties;
import io.banksuite.inbox.ProcessedEvents;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The inbox itself: {@link ProcessedEvents} and {@link InboxProcessor} on the service's DataSource. A consumer with
 * no DataSource (analytics keeps its effects in ClickHouse) gets the Kafka side alone
 * ({@link InboxKafkaAutoConfiguration}).
 */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class})
@ConditionalOnClass(JdbcTemplate.class)
@ConditionalOnSingleCandidate(DataSource.class)
@EnableConfigurationProperties(InboxProperties.class)
public class InboxAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ProcessedEvents processedEvents(DataSource dataSource) {
        return new ProcessedEvents(dataSource);
    }

    @Bean
    @ConditionalOnMissingBean
    InboxProcessor inboxProcessor(ProcessedEvents processedEvents, PlatformTransactionManager transactionManager,
                                  ObjectProvider<MeterRegistry> meters, InboxProperties properties) {
        return new InboxProcessor(processedEvents, transactionManager, meters.getIfAvailable(() -> Metrics.globalRegistry),
                properties.groupId());
    }
}
