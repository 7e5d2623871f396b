package io.banksuite.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real Prometheus (Debian's package, installed by deploy/scripts/ensure-infrastructure.sh) as a child process,
 * bound to the loopback interface, with the configuration and rule files it is given and its data under
 * {@code workDir}.
 */
public final class PrometheusServer extends LoopbackHttpServer {

    private PrometheusServer(ManagedProcess process, int port) {
        super(process, port);
    }

    /**
     * @param config    the text of prometheus.yml; its {@code rule_files} are resolved in {@code workDir}
     * @param ruleFiles file name to text, written to {@code workDir/rules/}
     */
    public static PrometheusServer start(int port, Path workDir, String config, Map<String, String> ruleFiles) {
        Path configFile = workDir.resolve("prometheus.yml");
        try {
            Files.createDirectories(workDir.resolve("rules"));
            Files.writeString(configFile, config);
            for (Map.Entry<String, String> rules : ruleFiles.entrySet()) {
                Files.writeString(workDir.resolve("rules").resolve(rules.getKey()), rules.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write Prometheus' configuration under " + workDir, e);
        }
        ManagedProcess process = ManagedProcess.start("prometheus", List.of(executable(),
                        "--config.file=" + configFile, "--storage.tsdb.path=" + workDir.resolve("data"),
                        "--web.listen-address=127.0.0.1:" + port, "--web.enable-lifecycle"),
                Map.of(), workDir, workDir.resolve("prometheus.log"));
        PrometheusServer server = new PrometheusServer(process, port);
        process.awaitHttpOk(server.url() + "/-/ready", Duration.ofSeconds(60));
        return server;
    }

    private static String executable() {
        for (String candidate : List.of("/usr/bin/prometheus", "/usr/local/bin/prometheus")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new IllegalStateException("No prometheus executable: run deploy/scripts/ensure-infrastructure.sh, "
                + "which installs Debian's package");
    }

    public String url() {
        return root();
    }
}
