package io.banksuite.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real trace backend: the Zipkin server (io.zipkin:zipkin-server, classifier exec, from Maven Central; in-memory
 * storage), bound to the loopback interface. The tracing agent of each service sends it spans
 * ({@link #spansEndpoint()}); its HTTP API ({@code /api/v2/trace/{id}}) and UI are at {@link #url()}.
 */
public final class ZipkinServer extends LoopbackHttpServer {

    private ZipkinServer(ManagedProcess process, int port) {
        super(process, port);
    }

    public static Path jar(Path suiteRoot) {
        return suiteRoot.resolve("deploy/local-infrastructure/target/observability/zipkin-server.jar");
    }

    public static ZipkinServer start(Path suiteRoot, int port, Path workDir) {
        Path jar = requireFile(jar(suiteRoot), "build deploy/local-infrastructure, which copies the Zipkin server");
        ManagedProcess process = ManagedProcess.start("zipkin", List.of(ManagedProcess.javaExecutable(),
                        "-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(),
                        "--armeria.ports[0].ip=127.0.0.1", "--armeria.ports[0].port=" + port,
                        "--armeria.ports[0].protocols[0]=http"),
                Map.of("STORAGE_TYPE", "mem", "MEM_MAX_SPANS", "200000"), workDir, workDir.resolve("zipkin.log"));
        ZipkinServer server = new ZipkinServer(process, port);
        process.awaitHttpOk(server.url() + "/health", Duration.ofSeconds(90));
        return server;
    }

    public String url() {
        return root();
    }

    /** Where the agent's Zipkin exporter posts spans. */
    public String spansEndpoint() {
        return url() + "/api/v2/spans";
    }
}
