package io.banksuite.runtime;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;

import io.banksuite.schemas.MdcKeys;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The operational defaults of every service, added with the lowest precedence, so a service's application.yml, the
 * environment or the command line can still override any of them. Operators get the same things from each service:
 * <ul>
 * <li>{@code /actuator/health} (with liveness and readiness probes), {@code /actuator/info},
 * {@code /actuator/prometheus};</li>
 * <li>an {@code application} and an {@code instance} tag on every metric ({@code <host>:<port>}, or
 * {@code <host>:pid-<pid>} on a random port), and a latency histogram of every HTTP endpoint (for p99);</li>
 * <li>one log format carrying {@value MdcKeys#TRACE_ID}, {@value MdcKeys#SPAN_ID} and {@value MdcKeys#EVENT_ID}
 * (set {@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs} for JSON lines that carry every MDC key);</li>
 * <li>RFC 9457 problem details for errors, graceful shutdown, and the HTTP server bound to the loopback
 * interface unless told otherwise.</li>
 * </ul>
 */
public class ServiceDefaults implements EnvironmentPostProcessor {

    public static final String PROPERTY_SOURCE_NAME = "banksuite-service-defaults";

    /** The bracket every log line carries between the thread and the logger. */
    public static final String LOG_CORRELATION_PATTERN = "[" + MdcKeys.TRACE_ID + "=%X{" + MdcKeys.TRACE_ID + ":-} "
            + MdcKeys.SPAN_ID + "=%X{" + MdcKeys.SPAN_ID + ":-} " + MdcKeys.EVENT_ID + "=%X{" + MdcKeys.EVENT_ID + ":-}] ";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = defaults();
        defaults.put("management.metrics.tags.instance", instance(environment.getProperty("server.port", "8080")));
        environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, defaults));
    }

    /** Where this process is: the host and its HTTP port, or its process id when the port is chosen at random. */
    static String instance(String port) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + ":" + ("0".equals(port.trim()) ? "pid-" + ProcessHandle.current().pid() : port.trim());
    }

    static Map<String, Object> defaults() {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("server.address", "127.0.0.1");
        defaults.put("server.shutdown", "graceful");
        defaults.put("spring.mvc.problemdetails.enabled", true);
        defaults.put("management.endpoints.web.exposure.include", "health,info,prometheus");
        defaults.put("management.endpoint.health.probes.enabled", true);
        defaults.put("management.metrics.tags.application", "${spring.application.name}");
        defaults.put("management.metrics.distribution.percentiles-histogram.http.server.requests", true);
        defaults.put("logging.pattern.correlation", LOG_CORRELATION_PATTERN);
        return defaults;
    }
}
