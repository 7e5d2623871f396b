package io.banksuite.analytics;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * analytics-service: per-minute totals by currency and merchant category from {@code transaction.created}.
 * Consuming, deduplication, retries and dead-lettering come from kafka-inbox; this service holds only the
 * bucketing, the totals table and the endpoint.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AnalyticsServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(AnalyticsServiceApplication.class, args);
    }
}
