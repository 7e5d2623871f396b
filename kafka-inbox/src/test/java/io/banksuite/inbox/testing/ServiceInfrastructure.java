package io.banksuite.inbox.testing;

import io.banksuite.local.PostgresDatabases;
import io.banksuite.local.SchemaRegistryServer;
import org.springframework.test.context.DynamicPropertyRegistry;

/** The real infrastructure a consuming service's integration test runs it on, besides the embedded broker. */
public final class ServiceInfrastructure {

    private ServiceInfrastructure() {
    }

    /**
     * Points the service at a new, empty PostgreSQL database of its own ({@code databaseName}; its Flyway
     * migrations create the schema) and at the shared schema registry. Call from a {@code @DynamicPropertySource}.
     */
    public static void register(DynamicPropertyRegistry registry, String databaseName) {
        String databaseUrl = PostgresDatabases.recreate(databaseName);
        String registryUrl = SchemaRegistryServer.shared().url();
        registry.add("spring.datasource.url", () -> databaseUrl);
        registry.add("spring.datasource.username", PostgresDatabases::username);
        registry.add("spring.datasource.password", PostgresDatabases::password);
        registry.add("spring.kafka.properties.schema.registry.url", () -> registryUrl);
    }
}
