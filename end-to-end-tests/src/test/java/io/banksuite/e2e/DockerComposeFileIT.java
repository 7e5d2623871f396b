package io.banksuite.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.banksuite.local.LocalSuite;
import io.banksuite.local.ServiceSpec;
import io.banksuite.local.SuiteRoot;
import io.banksuite.schemas.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs on the build machines, so the compose file is checked the way docker-compose itself reads
 * it: {@code docker-compose config} must accept it, and the resolved model must hold the whole suite.
 */
class DockerComposeFileIT {

    private static final Set<String> INFRASTRUCTURE = Set.of("kafka", "kafka-topics", "schema-registry", "postgres",
            "rabbitmq");

    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void resolveTheComposeFile() throws IOException, InterruptedException {
        Path root = SuiteRoot.path();
        Process process = new ProcessBuilder("docker-compose", "-f", root.resolve("docker-compose.yml").toString(),
                "config").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("docker-compose config says:%n%s", output).isZero();
        Map<String, Object> model = new Yaml().load(output);
        services = (Map<String, Map<String, Object>>) model.get("services");
    }

    @Test
    void holdsTheInfrastructureAndEverySixServices() {
        assertThat(services.keySet()).containsAll(INFRASTRUCTURE);
        assertThat(services.keySet()).containsAll(LocalSuite.SERVICES.stream().map(ServiceSpec::name).toList());
    }

    @Test
    void buildsEachServiceFromThisRepository() throws IOException {
        for (ServiceSpec spec : LocalSuite.SERVICES) {
            Map<String, Object> build = map(services.get(spec.name()).get("build"));
            assertThat(map(build.get("args")).get("SERVICE")).as(spec.name()).isEqualTo(spec.name());
            Path context = Path.of(build.get("context").toString());
            assertThat(Files.readString(context.resolve(build.get("dockerfile").toString())))
                    .contains("ARG ARTIFACT=${SERVICE}").contains("${SERVICE}/target/${ARTIFACT}.jar");
            assertThat(context.resolve(spec.name()).resolve("pom.xml")).exists();
        }
    }

    @Test
    void theWorkerChargesCardsAtTheSuitesSimulator() {
        Map<String, Object> simulator = services.get("card-processor");
        assertThat(map(map(simulator.get("build")).get("args")))
                .containsEntry("SERVICE", "deploy/local-infrastructure");
        assertThat(String.valueOf(simulator.get("entrypoint"))).contains("io.banksuite.local.CardProcessorSimulator");
        assertThat(map(services.get("notification-worker").get("environment")))
                .containsEntry("CHARGE_PROCESSOR_URL", "http://card-processor:8097");
        assertThat(condition(map(services.get("notification-worker").get("depends_on")), "card-processor"))
                .isEqualTo("service_healthy");
    }

    @Test
    void everyLongRunningServiceHasAHealthcheck() {
        services.forEach((name, service) -> {
            if (!name.equals("kafka-topics")) {
                assertThat(service).as(name).containsKey("healthcheck");
                assertThat(map(service.get("healthcheck")).get("test")).as(name).isNotNull();
            }
        });
    }

    @Test
    void servicesWaitForWhatTheyNeedToBeHealthy() {
        for (ServiceSpec spec : LocalSuite.SERVICES) {
            Map<String, Object> dependsOn = map(services.get(spec.name()).get("depends_on"));
            assertThat(dependsOn).as(spec.name()).isNotEmpty();
            if (spec.database() != null && !spec.name().equals("outbox-relay")) {
                assertThat(condition(dependsOn, "postgres")).as(spec.name()).isEqualTo("service_healthy");
            }
            if (spec.kafka()) {
                assertThat(condition(dependsOn, "schema-registry")).as(spec.name()).isEqualTo("service_healthy");
                assertThat(condition(dependsOn, "kafka-topics")).as(spec.name())
                        .isEqualTo("service_completed_successfully");
            }
            if (spec.rabbit()) {
                assertThat(condition(dependsOn, "rabbitmq")).as(spec.name()).isEqualTo("service_healthy");
            }
            if (spec.clickHouse()) {
                assertThat(condition(dependsOn, "clickhouse")).as(spec.name()).isEqualTo("service_healthy");
                assertThat(map(services.get(spec.name()).get("environment")).get("ANALYTICS_CLICKHOUSE_URL"))
                        .as(spec.name()).isEqualTo("http://clickhouse:8123");
            }
            dependsOn.keySet().forEach(dependency -> assertThat(services).as(spec.name()).containsKey(dependency));
        }
        assertThat(condition(map(services.get("outbox-relay").get("depends_on")), "transaction-service"))
                .as("the relay reads the outbox table that transaction-service's migration creates")
                .isEqualTo("service_healthy");
    }

    @Test
    void theDatabaseOfEveryServiceIsCreated() throws IOException {
        String init = Files.readString(SuiteRoot.path().resolve("deploy/docker/postgres/create-databases.sql"));
        LocalSuite.SERVICES.stream().map(ServiceSpec::database).filter(Objects::nonNull).distinct()
                .forEach(database -> assertThat(init).contains("CREATE DATABASE " + database + ";"));
    }

    @Test
    void everyServiceSendsItsTracesToJaegerUnderItsOwnName() {
        assertThat(services).containsKeys("prometheus", "grafana", "jaeger");
        for (ServiceSpec spec : LocalSuite.SERVICES) {
            Map<String, Object> environment = map(services.get(spec.name()).get("environment"));
            assertThat(environment.get("OTEL_SERVICE_NAME")).as(spec.name()).isEqualTo(spec.name());
            assertThat(environment.get("OTEL_EXPORTER_OTLP_ENDPOINT")).as(spec.name()).isEqualTo("http://jaeger:4318");
        }
    }

    @Test
    void theImageCarriesTheAgentOfTheBuildsVersion() throws IOException {
        Path root = SuiteRoot.path();
        Matcher version = Pattern.compile("<opentelemetry-javaagent.version>([^<]+)</opentelemetry-javaagent.version>")
                .matcher(Files.readString(root.resolve("pom.xml")));
        assertThat(version.find()).isTrue();
        assertThat(Files.readString(root.resolve("Dockerfile")))
                .contains("ARG OTEL_AGENT_VERSION=" + version.group(1))
                .contains("-javaagent:/app/opentelemetry-javaagent.jar");
    }

    @Test
    void prometheusAndGrafanaGetTheShippedConfigurationAndDashboards() {
        Path root = SuiteRoot.path();
        List<String> prometheusVolumes = volumes("prometheus");
        assertThat(prometheusVolumes).anySatisfy(v -> assertThat(v).contains("prometheus-docker.yml:/etc/prometheus/prometheus.yml"));
        assertThat(prometheusVolumes).anySatisfy(v -> assertThat(v).contains("prometheus/rules:/etc/prometheus/rules"));
        assertThat(volumes("grafana")).anySatisfy(v -> assertThat(v).contains("grafana/provisioning:/etc/grafana/provisioning"));
        assertThat(volumes("grafana")).anySatisfy(v -> assertThat(v).contains("grafana/dashboards:/var/lib/grafana/dashboards"));
        assertThat(root.resolve("deploy/observability/prometheus/prometheus-docker.yml")).isRegularFile();
        assertThat(root.resolve("deploy/observability/grafana/dashboards/suite-overview.json")).isRegularFile();
        assertThat(String.valueOf(map(services.get("grafana").get("environment")).get("GF_SECURITY_ADMIN_PASSWORD")))
                .as("from the environment, with a local-only default").isNotBlank();
    }

    @Test
    @SuppressWarnings("unchecked")
    void createsEveryTopicAsTheTopicRegistryDefinesIt() {
        String command = String.join("\n", (List<String>) services.get("kafka-topics").get("command"));
        for (Topics.Topic topic : Topics.all()) {
            assertThat(command).as(topic.name())
                    .contains("--topic " + topic.name() + " --partitions " + topic.partitions() + " ");
        }
        assertThat(String.valueOf(map(services.get("kafka").get("environment")).get("KAFKA_NUM_PARTITIONS")))
                .isEqualTo(String.valueOf(Topics.EVENT_PARTITIONS));
    }

    @Test
    void publishesPortsOnTheLoopbackInterfaceOnly() {
        services.forEach((name, service) -> {
            Object ports = service.get("ports");
            if (ports instanceof List<?> list) {
                // docker-compose 1.x prints "host_ip:published:target/protocol"
                list.forEach(port -> assertThat(String.valueOf(port)).as(name).startsWith("127.0.0.1:"));
            }
        });
    }

    /** The service's volumes as docker-compose 1.x prints them: "source:target:mode". */
    @SuppressWarnings("unchecked")
    private static List<String> volumes(String service) {
        Object volumes = services.get(service).get("volumes");
        assertThat(volumes).as(service + " volumes").isInstanceOf(List.class);
        return ((List<Object>) volumes).stream().map(String::valueOf).toList();
    }

    private static String condition(Map<String, Object> dependsOn, String dependency) {
        Object entry = dependsOn.get(dependency);
        return entry == null ? null : String.valueOf(map(entry).get("condition"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }
}
