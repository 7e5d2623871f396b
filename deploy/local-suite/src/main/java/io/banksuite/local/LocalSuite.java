package io.banksuite.local;

import io.banksuite.schemas.MdcKeys;
import io.banksuite.schemas.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The whole suite on one machine without Docker: a Kafka broker, the schema registry, the per-service PostgreSQL
 * databases, ClickHouse (analytics' store), a trace backend (Zipkin), the six services and lag-exporter, each its own process with the
 * OpenTelemetry agent, and a Prometheus with the suite's scrape configuration and rules. {@link #main} is the local
 * run; the end-to-end tests start the same thing on free ports.
 */
public final class LocalSuite implements AutoCloseable {

    /** The services in start order: the relay reads the outbox table that transaction-service's migration creates. */
    public static final List<ServiceSpec> SERVICES = List.of(
            new ServiceSpec("transaction-service", 8080, "bank_transactions", false, true, false, List.of()),
            new ServiceSpec("notification-worker", 8085, "bank_notifications", false, true, false, List.of()),
            new ServiceSpec("fraud-service", 8082, "bank_fraud", true, true, false, List.of()),
            new ServiceSpec("ml-service", 8083, "bank_ml", true, false, false, List.of()),
            new ServiceSpec("analytics-service", 8084, null, true, false, true, List.of()),
            new ServiceSpec("outbox-relay", 8081, "bank_transactions", true, false, false, List.of()),
            new ServiceSpec("lag-exporter", 8086, null, true, false, false, List.of()));

    /** The shipped Prometheus configuration and rules (deploy/observability/prometheus). */
    public static final String PROMETHEUS_DIR = "deploy/observability/prometheus";
    /** RabbitMQ's metrics plugin, enabled by deploy/scripts/ensure-infrastructure.sh. */
    public static final int RABBITMQ_METRICS_PORT = 15692;

    private final Settings settings;
    private final KafkaBroker kafka;
    private final SchemaRegistryServer registry;
    private final ZipkinServer zipkin;
    private final ClickHouseServer clickHouse;
    private final CardProcessorSimulator cardProcessor;
    private PrometheusServer prometheus;
    private final Map<String, ServiceSpec> specs = new LinkedHashMap<>();
    private final Map<String, ManagedProcess> processes = new LinkedHashMap<>();

    /**
     * @param root              the repository root
     * @param workDir           where logs and the broker's data go
     * @param clickHousePort    ClickHouse's HTTP port (its data under {@code workDir/clickhouse})
     * @param cardProcessorPort the card processor simulator's port (notification-worker charges cards there; its
     *                          {@code charge.processor.url} must name it: the default is 8097)
     * @param recreateDatabases drop and create the databases (tests), or keep their rows (local run)
     * @param javaOptions       JVM options for each service
     * @param observability     the trace backend and Prometheus
     */
    public record Settings(Path root, Path workDir, int kafkaPort, int kafkaControllerPort, int registryPort,
                           int clickHousePort, int cardProcessorPort, List<ServiceSpec> services,
                           boolean recreateDatabases,
                           List<String> javaOptions, Observability observability) {
    }

    /**
     * @param prometheusConfig applied to the shipped prometheus.yml once its targets are this suite's ports (a test
     *                         shortens the scrape interval)
     * @param rules            applied to each shipped rule file (a test shortens the {@code for:} durations)
     */
    public record Observability(int prometheusPort, int zipkinPort, UnaryOperator<String> prometheusConfig,
                                UnaryOperator<String> rules) {

        /** The shipped configuration and rules as they are. */
        public static Observability asShipped(int prometheusPort, int zipkinPort) {
            return new Observability(prometheusPort, zipkinPort, UnaryOperator.identity(), UnaryOperator.identity());
        }
    }

    private LocalSuite(Settings settings, KafkaBroker kafka, SchemaRegistryServer registry, ZipkinServer zipkin,
                       ClickHouseServer clickHouse, CardProcessorSimulator cardProcessor) {
        this.settings = settings;
        this.kafka = kafka;
        this.registry = registry;
        this.zipkin = zipkin;
        this.clickHouse = clickHouse;
        this.cardProcessor = cardProcessor;
        settings.services().forEach(spec -> specs.put(spec.name(), spec));
    }

    public static LocalSuite start(Settings settings) {
        KafkaBroker kafka = null;
        SchemaRegistryServer registry = null;
        ZipkinServer zipkin = null;
        ClickHouseServer clickHouse = null;
        CardProcessorSimulator cardProcessor = null;
        try {
            kafka = KafkaBroker.start(settings.root(), settings.kafkaPort(), settings.kafkaControllerPort(),
                    settings.workDir().resolve("kafka"));
            registry = SchemaRegistryServer.start(settings.root(), settings.registryPort(),
                    settings.workDir().resolve("schema-registry"));
            zipkin = ZipkinServer.start(settings.root(), settings.observability().zipkinPort(),
                    settings.workDir().resolve("zipkin"));
            clickHouse = ClickHouseServer.start(settings.clickHousePort(), settings.workDir().resolve("clickhouse"));
            cardProcessor = CardProcessorSimulator.start(settings.cardProcessorPort());
            createTopics(kafka.bootstrapServers());
            for (String database : settings.services().stream().map(ServiceSpec::database)
                    .filter(java.util.Objects::nonNull).distinct().toList()) {
                if (settings.recreateDatabases()) {
                    PostgresDatabases.recreate(database);
                } else {
                    PostgresDatabases.ensure(database);
                }
            }
            LocalSuite suite = new LocalSuite(settings, kafka, registry, zipkin, clickHouse, cardProcessor);
            try {
                suite.startServices();
                // Last, so that it does not count services that are still starting as down.
                suite.startPrometheus();
            } catch (RuntimeException e) {
                suite.close();
                throw e;
            }
            return suite;
        } catch (RuntimeException e) {
            if (cardProcessor != null) {
                cardProcessor.close();
            }
            if (clickHouse != null) {
                clickHouse.close();
            }
            if (zipkin != null) {
                zipkin.close();
            }
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
        command.addAll(OpenTelemetryAgent.jvmOptions(settings.root(), spec.name(), zipkin.spansEndpoint(),
                MdcKeys.TRACE_ID, MdcKeys.SPAN_ID));
        command.addAll(List.of("-jar", spec.jar(settings.root()).toString(), "--server.port=" + spec.port()));
        if (spec.database() != null) {
            command.add("--spring.datasource.url=" + PostgresDatabases.jdbcUrl(spec.database()));
            command.add("--spring.datasource.username=" + PostgresDatabases.username());
            command.add("--spring.datasource.password=" + PostgresDatabases.password());
        }
        if (spec.clickHouse()) {
            command.add("--analytics.clickhouse.url=" + clickHouse.url());
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

    /**
     * Prometheus with the shipped scrape configuration, its targets moved to this suite's ports, and the shipped
     * rules, each through the settings' operators.
     */
    private void startPrometheus() {
        Observability observability = settings.observability();
        Path shipped = settings.root().resolve(PROMETHEUS_DIR);
        try {
            String config = Files.readString(shipped.resolve("prometheus.yml"));
            for (ServiceSpec spec : settings.services()) {
                config = config.replace("127.0.0.1:" + defaultPort(spec.name()) + "'",
                        "127.0.0.1:" + spec.port() + "'");
            }
            config = config.replace("127.0.0.1:9090'", "127.0.0.1:" + observability.prometheusPort() + "'");
            Map<String, String> rules = new LinkedHashMap<>();
            try (Stream<Path> files = Files.list(shipped.resolve("rules"))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".yml")).sorted().toList()) {
                    rules.put(file.getFileName().toString(), observability.rules().apply(Files.readString(file)));
                }
            }
            prometheus = PrometheusServer.start(observability.prometheusPort(),
                    settings.workDir().resolve("prometheus"), observability.prometheusConfig().apply(config), rules);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the shipped Prometheus configuration under " + shipped, e);
        }
    }

    private static int defaultPort(String service) {
        return SERVICES.stream().filter(spec -> spec.name().equals(service)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No service " + service)).port();
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

    public ClickHouseServer clickHouse() {
        return clickHouse;
    }

    public CardProcessorSimulator cardProcessor() {
        return cardProcessor;
    }

    public ZipkinServer zipkin() {
        return zipkin;
    }

    public PrometheusServer prometheus() {
        return prometheus;
    }

    public ServiceSpec service(String name) {
        ServiceSpec spec = specs.get(name);
        if (spec == null) {
            throw new IllegalArgumentException("No service " + name + " in " + specs.keySet());
        }
        return spec;
    }

    /** Freezes the service (SIGSTOP): it keeps its connections and its group membership but applies nothing. */
    public void suspend(String name) {
        processes.get(name).suspend();
    }

    /** Lets a suspended service go on. */
    public void resume(String name) {
        processes.get(name).resume();
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
        if (prometheus != null) {
            prometheus.close();
        }
        running.forEach(ManagedProcess::close);
        zipkin.close();
        clickHouse.close();
        cardProcessor.close();
        registry.close();
        kafka.close();
    }

    /** The local run: fixed ports, databases kept, until Ctrl-C. */
    public static void main(String[] args) throws InterruptedException {
        Path root = SuiteRoot.path();
        Settings settings = new Settings(root, root.resolve(".suite"), 9092, 9093, 8091, 8123, 8097, SERVICES, false,
                javaOptions(), Observability.asShipped(9090, 9411));
        System.out.println("Starting Kafka, the schema registry, Zipkin, ClickHouse, the six services, lag-exporter and"
                + " Prometheus; logs in " + settings.workDir());
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
        System.out.printf("  %-20s %s   (analytics' events: database bank_analytics)%n", "clickhouse",
                suite.clickHouse().url());
        System.out.printf("  %-20s %s   (test cards: card-declined…, card-fails-<n>-…, card-down…,"
                + " card-slow-<s>-…)%n",
                "card processor", suite.cardProcessor().url());
        System.out.printf("  %-20s %s%n", "rabbitmq", "amqp://127.0.0.1:5672 (guest/guest), metrics "
                + "http://127.0.0.1:" + RABBITMQ_METRICS_PORT + "/metrics");
        System.out.printf("  %-20s %s   (alerts: %s/alerts)%n", "prometheus", suite.prometheus().url(),
                suite.prometheus().url());
        System.out.printf("  %-20s %s   (a trace: %s/zipkin/traces/<traceId>)%n", "traces (zipkin)",
                suite.zipkin().url() + "/zipkin/", suite.zipkin().url());
        for (ServiceSpec spec : SERVICES) {
            System.out.printf("  %-20s %s   (log: %s)%n", spec.name(), spec.baseUrl(), suite.logFile(spec.name()));
        }
        System.out.println();
        String api = suite.service("transaction-service").baseUrl() + "/api/v1";
        System.out.println("Try:");
        System.out.println("  curl -s -X POST " + api + "/transactions -H 'Content-Type: application/json'"
                + " -d '{\"clientId\":\"c-1\",\"amount\":\"125.50\",\"currency\":\"EUR\",\"type\":\"PAYMENT\","
                + "\"merchantId\":\"m-1\",\"merchantCategory\":\"5411\",\"merchantCountry\":\"DE\",\"channel\":\"WEB\"}'");
        System.out.println("  curl -si -X PUT " + api + "/clients/c-1 -H 'Content-Type: application/json'"
                + " -d '{\"status\":\"ACTIVE\",\"segment\":\"RETAIL\",\"country\":\"DE\"}'"
                + "      (then GET it; a change needs If-Match with its ETag)");
        System.out.println("  curl -si -X PUT " + api + "/clients/c-1/limits -H 'Content-Type: application/json'"
                + " -d '{\"limits\":[{\"currency\":\"EUR\",\"singleTransactionLimit\":\"1000.00\","
                + "\"dailyLimit\":\"2500.00\"}]}'");
        System.out.println("  curl -s -X POST " + api + "/transactions -H 'Content-Type: application/json'"
                + " -d '{\"clientId\":\"c-1\",\"amount\":\"42.00\",\"currency\":\"EUR\",\"type\":\"PAYMENT\","
                + "\"channel\":\"WEB\",\"cardId\":\"card-fails-2-demo\"}'"
                + "      (a card payment: charged on the third attempt, 60 s apart)");
        System.out.println("  curl -s " + api + "/transactions/<id>"
                + "      (status CREATED, then SETTLED, DECLINED or FAILED)");
        String ml = suite.service("ml-service").baseUrl() + "/api/v1/clients/c-1";
        System.out.println("  curl -s " + ml + "/features      (the client's features per currency)");
        System.out.println("  curl -s " + ml + "/daily-spend      (today's spend per currency, from the exactly-once"
                + " stream; ?day=YYYY-MM-DD for another UTC day)");
        String analytics = suite.service("analytics-service").baseUrl() + "/api/v1/analytics";
        System.out.println("  curl -s '" + analytics + "/countries?from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z'"
                + "      (totals by merchant country, from ClickHouse)");
        String worker = suite.service("notification-worker").baseUrl() + "/api/v1";
        System.out.println("  curl -s '" + worker + "/audit/alerts?clientId=c-1'"
                + "      (every fraud alert of the client, from the audit log)");
        System.out.println("  curl -s " + worker + "/charges/<transactionId>"
                + "      (the card charge: outcome, attempts, processor reference)");
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
