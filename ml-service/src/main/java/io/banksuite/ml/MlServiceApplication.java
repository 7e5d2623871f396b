package io.banksuite.ml;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * ml-service: per-client, per-currency transaction features for scoring models, and each client's spend so far per
 * day (its own exactly-once stream).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MlServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(MlServiceApplication.class, args);
    }
}
