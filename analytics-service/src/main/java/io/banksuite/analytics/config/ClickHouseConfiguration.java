package io.banksuite.analytics.config;

import java.time.temporal.ChronoUnit;

import com.clickhouse.client.api.Client;
import io.banksuite.analytics.adapter.out.clickhouse.ClickHouseProperties;
import io.banksuite.inbox.InboxMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** ClickHouse's Java client, and the consumer meters analytics records as every consumer of the suite does. */
@Configuration(proxyBeanMethods = false)
public class ClickHouseConfiguration {

    /** Compression off both ways: older servers (Debian's 18.16) answer compressed responses the client misreads. */
    @Bean(destroyMethod = "close")
    Client clickHouseClient(ClickHouseProperties properties) {
        return new Client.Builder()
                .addEndpoint(properties.url())
                .setUsername(properties.username())
                .setPassword(properties.password())
                .setConnectTimeout(properties.connectTimeout().toMillis(), ChronoUnit.MILLIS)
                .setSocketTimeout(properties.socketTimeout().toMillis(), ChronoUnit.MILLIS)
                .compressServerResponse(false)
                .compressClientRequest(false)
                .useHttpCompression(false)
                .build();
    }

    @Bean
    InboxMetrics inboxMetrics(MeterRegistry meters) {
        return new InboxMetrics(meters);
    }
}
