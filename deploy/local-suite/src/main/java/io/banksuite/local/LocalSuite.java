package io.banksuite.local;

import io.banksuite.schemas.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The whole suite on one machine without Docker: a Kafka broker, the schema registry, the per-service PostgreSQL
 * databases, and the six services, each its own process. {@link #main} is the local run; the end-to-end tests start
 * the same thing on free ports.
 */
public final class LocalSuite implements AutoCloseable {

    /** The services in start order: the relay reads the outbox table that transaction-service's migration creates. */
    public static final List<ServiceSpec> SERVICES = List.of(
            new ServiceSpec("transaction-service", 8080, "bank_transactions", false, false, List.of()),
            new ServiceSpec("notification-worker", 8085, "bank_notifications", false, true, List.of()),
            new ServiceSpec("fraud-service", 8082, "bank_fraud", true, true, List.of()),
            new ServiceSpec("ml-service", 8083, "bank_ml", true, false, List.of()),
            new ServiceSpec("analytics-service", 8084, "bank_analytics", true, false, List.of()),
            new ServiceSpec("outbox-relay", 8081, "bank_transactions", true, false, List.of()));

    private final Settings settings;
    private final KafkaBroker kafka;
    private final SchemaRegistryServer registry;
    private final Map<String, ServiceSpec> specs = new LinkedHashMap<>();
    private final Map<String, ManagedProcess> processes = new LinkedHashMap<>();

    /**
     * @param root              the repository root
     * @param workDir           where logs and the broker's data go
     * @param recreateDatabases drop and create the databases (tests), or keep their rows (local run)
     * @param javaOptions       JVM options for each service
     */
    public record Settings(Path root, Path workDir, int kafkaPort, int kafkaControllerPort, int registryPort,
                           List<ServiceSpec> services, boolean recreateDatabases, List<String> javaOptions) {
    }

    private LocalSuite(Settings settings, KafkaBroker kafka, SchemaRegistryServer registry) {
        this.settings = settings;
        this.kafka = kafka;
        this.registry = registry;
        settings.services().forEach(spec -> specs.put(spec.name(), spec));
    }

    public static LocalSuite start(Settings settings) {
        KafkaBroker kafka = null;
        SchemaRegistryServer registry = null;
        try {
            kafka = KafkaBroker.start(settings.root(), settings.kafkaPort(), settings.kafkaControllerPort(),
                    settings.workDir().resolve("kafka"));
            registry = SchemaRegistryServer.start(settings.root(), settings.registryPort(),
                    settings.workDir().resolve("schema-registry"));
            createTopics(kafka.bootstrapServers());
            for (String database : settings.services().stream().map(ServiceSpec::database).distinct().toList()) {
                if (settings.recreateDatabases()) {
                    PostgresDatabases.recreate(database);
                } else {
                    PostgresDatabases.ensure(database);
                }
            }
            LocalSuite suite = new LocalSuite(settings, kafka, registry);
            try {
                suite.startServices();
            } catch (RuntimeException e) {
                suite.close();
                throw e;
            }
            return suite;
        } catch (RuntimeException e) {
            if (registry != null) {
                registry.close();
            }
            if (kafka != null) {
                kafka.close();
            }
            throw e;
        }
    }

    private void startServices() {
        List<ServiceSpec> services = new ArrayList<>(specs.values());
        // The first service owns the schema that the others may read; start it alone.
        startAndAwait(services.subList(0, 1));
        startAndAwait(services.subList(1, services.size()));
    }

    private void startAndAwait(List<ServiceSpec> services) {
        services.forEach(spec -> processes.put(spec.name(), launch(spec)));
        services.forEach(spec -> awaitHealthy(spec.name()));
    }

    private ManagedProcess launch(ServiceSpec spec) {
        List<String> command = new ArrayList<>();
        command.add(ManagedProcess.javaExecutable());
        command.addAll(settings.javaOptions());
        command.addAll(List.of("-jar", spec.jar(settings.root()).toString(), "--server.port=" + spec.port()));
        if (spec.database() != null) {
            command.add("--spring.datasource.url=" + PostgresDatabases.jdbcUrl(spec.database()));
            command.add("--spring.datasource.username=" + PostgresDatabases.username());
            command.add("--spring.datasource.password=" + PostgresDatabases.password());
        }
        if (spec.kafka()) {
            command.add("--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers());
            command.add("--spring.kafka.properties.schema.registry.url=" + registry.url());
        }
        command.addAll(spec.args());
        Path workDir = settings.workDir().resolve(spec.name());
        return ManagedProcess.start(spec.name(), command, Map.of(), workDir, settings.workDir().resolve("logs")
                .resolve(spec.name() + ".log"));
    }

    private void awaitHealthy(String name) {
        processes.get(name).awaitHttpOk(specs.get(name).baseUrl() + "/actuator/health", Duration.ofSeconds(180));
    }

    private static void createTopics(String bootstrapServers) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(config)) {
            // Each consumer service creates its own dead-letter topic at start-up (kafka-inbox).
            for (NewTopic topic : Topics.all().stream()
                    .map(t -> new NewTopic(t.name(), t.partitions(), (short) 1)).toList()) {
                try {
                    admin.createTopics(List.of(topic)).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Cannot create topic " + topic.name(), e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        }
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public SchemaRegistryServer registry() {
        return registry;
    }

    public ServiceSpec service(String name) {
        ServiceSpec spec = specs.get(name);
        if (spec == null) {
            throw new IllegalArgumentException("No service " + name + " in " + specs.keySet());
        }
        return spec;
    }

    /** Kills the service at once (SIGKILL), as a crash would. */
    public void kill(String name) {
        processes.get(name).kill();
    }

    /** Stops the service gracefully (SIGTERM), as a deployment would. */
    public void stop(String name) {
        processes.get(name).close();
    }

    /** Starts a stopped or killed service again and waits until it is healthy. */
    public void restart(String name) {
        ManagedProcess old = processes.get(name);
        if (old != null) {
            old.close();
        }
        processes.put(name, launch(service(name)));
        awaitHealthy(name);
    }

    public Path logFile(String name) {
        return processes.get(name).logFile();
    }

    @Override
    public void close() {
        List<ManagedProcess> running = new ArrayList<>(processes.values());
        java.util.Collections.reverse(running);
        running.forEach(ManagedProcess::close);
        registry.close();
        kafka.close();
    }

    /** The local run: fixed ports, databases kept, until Ctrl-C. */
    public static void main(String[] args) throws InterruptedException {
        Path root = SuiteRoot.path();
        Settings settings = new Settings(root, root.resolve(".suite"), 9092, 9093, 8091, SERVICES, false,
                javaOptions());
        System.out.println("Starting Kafka, the schema registry and the six services; logs in " + settings.workDir());
        LocalSuite suite = start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping the suite...");
            suite.close();
            stopped.countDown();
        }, "suite-stop"));
        System.out.println();
        System.out.println("The suite is running. Ctrl-C stops everything.");
        System.out.printf("  %-20s %s%n", "kafka", suite.kafka().bootstrapServers());
        System.out.printf("  %-20s %s%n", "schema registry", suite.registry().url());
        System.out.printf("  %-20s %s%n", "postgresql", PostgresDatabases.jdbcUrl("<database>"));
        System.out.printf("  %-20s %s%n", "rabbitmq", "amqp://127.0.0.1:5672 (guest/guest)");
        for (ServiceSpec spec : SERVICES) {
            System.out.printf("  %-20s %s   (log: %s)%n", spec.name(), spec.baseUrl(), suite.logFile(spec.name()));
        }
        System.out.println();
        System.out.println("Try: curl -s -X POST " + suite.service("transaction-service").baseUrl()
                + "/api/v1/transactions -H 'Content-Type: application/json' -d '{\"clientId\":\"c-1\",\"amount\":\"125.50\","
                + "\"currency\":\"EUR\",\"type\":\"PAYMENT\",\"merchantId\":\"m-1\",\"merchantCategory\":\"5411\","
                + "\"merchantCountry\":\"DE\",\"channel\":\"WEB\"}'");
        stopped.await();
    }

    /** JVM options for each service; SUITE_JAVA_OPTS replaces the defaults. */
    public static List<String> javaOptions() {
        String configured = System.getenv("SUITE_JAVA_OPTS");
        if (configured != null && !configured.isBlank()) {
            return List.of(configured.trim().split("\\s+"));
        }
        return List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    }
}
