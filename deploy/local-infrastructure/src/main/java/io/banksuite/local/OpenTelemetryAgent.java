package io.banksuite.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The OpenTelemetry Java agent (io.opentelemetry.javaagent:opentelemetry-javaagent, from Maven Central) as the
 * local run and the end-to-end test attach it to every service: spans to a Zipkin server, the trace and span ids in
 * the MDC under the suite's keys (so every log line inside a span carries them), no metrics or logs export
 * (metrics are scraped by Prometheus).
 */
public final class OpenTelemetryAgent {

    private OpenTelemetryAgent() {
    }

    public static Path jar(Path suiteRoot) {
        return suiteRoot.resolve("deploy/local-infrastructure/target/observability/opentelemetry-javaagent.jar");
    }

    /**
     * @param traceIdKey the MDC key of the trace id, and {@code spanIdKey} that of the span id
     */
    public static List<String> jvmOptions(Path suiteRoot, String serviceName, String zipkinSpansEndpoint,
                                          String traceIdKey, String spanIdKey) {
        Path jar = jar(suiteRoot);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No OpenTelemetry agent at " + jar + ": build deploy/local-infrastructure");
        }
        return List.of("-javaagent:" + jar,
                "-Dotel.service.name=" + serviceName,
                "-Dotel.traces.exporter=zipkin",
                "-Dotel.exporter.zipkin.endpoint=" + zipkinSpansEndpoint,
                "-Dotel.metrics.exporter=none",
                "-Dotel.logs.exporter=none",
                // Spans reach the backend within a second, so a test or an operator sees a trace at once.
                "-Dotel.bsp.schedule.delay=500",
                "-Dotel.instrumentation.common.logging.trace-id-key=" + traceIdKey,
                "-Dotel.instrumentation.common.logging.span-id-key=" + spanIdKey,
                "-Dotel.javaagent.logging=application");
    }
}
