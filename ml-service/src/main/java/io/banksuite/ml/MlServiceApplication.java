package io.banksuite.ml;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** ml-service: per-client, per-currency transaction features for scoring models. */
@SpringBootApplication
public class MlServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(MlServiceApplication.class, args);
    }
}
