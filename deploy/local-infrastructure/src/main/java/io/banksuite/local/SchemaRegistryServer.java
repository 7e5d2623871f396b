package io.banksuite.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real schema registry: Apicurio Registry (in-memory storage), built by the module deploy/schema-registry, run as
 * its own process. Clients use its Confluent-compatible API, whose base URL {@link #url()} returns.
 */
public final class SchemaRegistryServer extends LoopbackHttpServer {

    public static final String CONFLUENT_API_PATH = "/apis/ccompat/v7";

    private SchemaRegistryServer(ManagedProcess process, int port) {
        super(process, port);
    }

    public static Path runnerJar(Path suiteRoot) {
        return suiteRoot.resolve("deploy/schema-registry/target/schema-registry-runner.jar");
    }

    public static SchemaRegistryServer start(Path suiteRoot, int port, Path workDir) {
        Path jar = requireFile(runnerJar(suiteRoot), "build it with ./mvnw -pl deploy/schema-registry package");
        ManagedProcess process = ManagedProcess.start("schema-registry",
                List.of(ManagedProcess.javaExecutable(), "-Xmx256m",
                        "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port,
                        "-jar", jar.toString()),
                Map.of(), workDir, workDir.resolve("schema-registry.log"));
        SchemaRegistryServer server = new SchemaRegistryServer(process, port);
        process.awaitHttpOk(server.url() + "/subjects", Duration.ofSeconds(90));
        return server;
    }

    /** One registry per JVM, started on first use and stopped when the JVM exits; for tests. */
    public static SchemaRegistryServer shared() {
        return SharedServers.get("schema-registry", SchemaRegistryServer.class,
                (root, workDir) -> start(root, FreePorts.next(), workDir));
    }

    /** Base URL of the Confluent-compatible API, the value for schema.registry.url. */
    public String url() {
        return root() + CONFLUENT_API_PATH;
    }
}
