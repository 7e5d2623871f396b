package io.banksuite.lag;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** lag-exporter: every consumer group's lag on the suite's topics, from the broker, for Prometheus. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class LagExporterApplication {

    public static void main(String[] args) {
        SpringApplication.run(LagExporterApplication.class, args);
    }
}
