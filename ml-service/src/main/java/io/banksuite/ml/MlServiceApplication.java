package io.banksuite.ml;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * ml-service: keeps per-client, per-currency transaction features from {@code transaction.created} and serves them.
 * Consuming, deduplication, retries and dead-lettering come from kafka-inbox; this service holds only the
 * feature maths, their table and the endpoint.
 */
@SpringBootApplication
public class MlServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(MlServiceApplication.class, args);
    }
}
