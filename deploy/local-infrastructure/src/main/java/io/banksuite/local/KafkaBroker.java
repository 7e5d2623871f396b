package io.banksuite.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one JVM) run from the Maven Central jars of
 * org.apache.kafka:kafka_2.13, whose classpath the build writes to target/kafka-broker.classpath.
 */
public final class KafkaBroker implements AutoCloseable {

    private final ManagedProcess process;
    private final int port;

    private KafkaBroker(ManagedProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    public static Path classpathFile(Path suiteRoot) {
        return suiteRoot.resolve("deploy/local-infrastructure/target/kafka-broker.classpath");
    }

    public static KafkaBroker start(Path suiteRoot, int port, int controllerPort, Path workDir) {
        String classpath = readClasspath(suiteRoot);
        Path config = workDir.resolve("server.properties");
        Path logDir = workDir.resolve("data");
        try {
            Files.createDirectories(workDir);
            Files.writeString(config, serverProperties(port, controllerPort, logDir));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + config, e);
        }
        List<String> java = List.of(ManagedProcess.javaExecutable(), "-Xms128m", "-Xmx512m", "-cp", classpath);
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            List<String> format = new ArrayList<>(java);
            format.addAll(List.of("kafka.tools.StorageTool", "format", "-t", randomClusterId(), "-c", config.toString()));
            ManagedProcess formatting = ManagedProcess.start("kafka-storage-format", format, Map.of(), workDir,
                    workDir.resolve("kafka-format.log"));
            int exitCode = formatting.awaitExit(Duration.ofSeconds(60));
            if (exitCode != 0 || !Files.exists(logDir.resolve("meta.properties"))) {
                throw new IllegalStateException("Kafka storage format failed (exit code " + exitCode + "); see "
                        + formatting.logFile() + "\n" + formatting.tail());
            }
        }
        List<String> server = new ArrayList<>(java);
        server.addAll(List.of("kafka.Kafka", config.toString()));
        ManagedProcess process = ManagedProcess.start("kafka", server, Map.of(), workDir, workDir.resolve("kafka.log"));
        process.awaitPort(port, Duration.ofSeconds(90));
        return new KafkaBroker(process, port);
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        process.close();
    }

    static String serverProperties(int port, int controllerPort, Path logDir) {
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + logDir,
                "num.partitions=6",
                "auto.create.topics.enable=false",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "");
    }

    /** A Kafka cluster id: 16 random bytes, URL-safe base64 without padding, as kafka-storage random-uuid prints. */
    static String randomClusterId() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String readClasspath(Path suiteRoot) {
        Path file = classpathFile(suiteRoot);
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new IllegalStateException("No Kafka classpath at " + file + ": build the suite first (./mvnw install)", e);
        }
    }
}
