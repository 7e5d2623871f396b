package io.banksuite.analytics.adapter.out.clickhouse;

import com.clickhouse.client.api.Client;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** {@code clickhouse} in /actuator/health: whether the server answers a ping. */
@Component("clickhouse")
public class ClickHouseHealthIndicator extends AbstractHealthIndicator {

    private final Client client;
    private final ClickHouseProperties properties;

    public ClickHouseHealthIndicator(Client client, ClickHouseProperties properties) {
        super("ClickHouse health check failed");
        this.client = client;
        this.properties = properties;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.withDetail("url", properties.url()).withDetail("database", properties.database());
        if (client.ping(properties.connectTimeout().toMillis())) {
            builder.up();
        } else {
            builder.down();
        }
    }
}
