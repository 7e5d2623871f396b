package io.banksuite.inbox.testing;

import io.banksuite.local.PostgresDatabases;
import io.banksuite.local.SchemaRegistryServer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistrar;
import org.springframework.util.ClassUtils;

/**
 * The real infrastructure a consuming service's integration test runs it on, besides the embedded broker: a new,
 * empty PostgreSQL database of its own, {@code it_<spring.application.name>} (its Flyway migrations create the
 * schema) when the service uses JDBC, and the shared schema registry. Imported by {@link InboxServiceTest}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ServiceInfrastructure {

    @Bean
    static DynamicPropertyRegistrar serviceInfrastructure(Environment environment) {
        return registry -> {
            String application = environment.getRequiredProperty("spring.application.name");
            String registryUrl = SchemaRegistryServer.shared().url();
            if (ClassUtils.isPresent("org.springframework.jdbc.core.JdbcTemplate", null)) {
                PostgresDatabases.recreateForSpring(databaseName(application))
                        .forEach((key, value) -> registry.add(key, () -> value));
            }
            registry.add("spring.kafka.properties.schema.registry.url", () -> registryUrl);
        };
    }

    /** {@code it_ml_service} for ml-service. */
    static String databaseName(String application) {
        return "it_" + application.replace('-', '_');
    }
}
