package io.banksuite.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.banksuite.schemas.MdcKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/** The defaults as a service sees them: from this jar's EnvironmentPostProcessor, below its own settings. */
@ExtendWith(OutputCaptureExtension.class)
class ServiceDefaultsTest {

    @SpringBootConfiguration
    static class AnyService {
    }

    @Test
    void everyServiceGetsTheSameOperationalDefaults() {
        try (ConfigurableApplicationContext context = run("--spring.application.name=probe-service",
                "--server.port=8089")) {
            Environment env = context.getEnvironment();
            assertThat(env.getProperty("management.metrics.tags.application")).isEqualTo("probe-service");
            assertThat(env.getProperty("management.metrics.tags.instance")).endsWith(":8089");
            assertThat(env.getProperty("management.metrics.distribution.percentiles-histogram.http.server.requests",
                    Boolean.class)).isTrue();
            assertThat(env.getProperty("management.endpoint.health.probes.enabled", Boolean.class)).isTrue();
            assertThat(env.getProperty("management.endpoints.web.exposure.include"))
                    .isEqualTo("health,info,prometheus");
            assertThat(env.getProperty("spring.mvc.problemdetails.enabled", Boolean.class)).isTrue();
            assertThat(env.getProperty("server.address")).isEqualTo("127.0.0.1");
            assertThat(env.getProperty("server.shutdown")).isEqualTo("graceful");
        }
    }

    @Test
    void aServiceOrItsOperatorCanOverrideEachDefault() {
        try (ConfigurableApplicationContext context = run("--spring.application.name=probe-service",
                "--server.address=0.0.0.0", "--management.metrics.tags.application=renamed")) {
            assertThat(context.getEnvironment().getProperty("server.address")).isEqualTo("0.0.0.0");
            assertThat(context.getEnvironment().getProperty("management.metrics.tags.application"))
                    .isEqualTo("renamed");
        }
    }

    @Test
    void aProcessOnARandomPortIsTheInstanceOfItsProcessId() {
        assertThat(ServiceDefaults.instance("0")).endsWith(":pid-" + ProcessHandle.current().pid());
        assertThat(ServiceDefaults.instance("8083")).endsWith(":8083");
    }

    @Test
    void everyLogLineCarriesTheTraceSpanAndEventIds(CapturedOutput output) {
        try (ConfigurableApplicationContext ignored = run("--spring.application.name=probe-service")) {
            MDC.put(MdcKeys.TRACE_ID, "4bf92f3577b34da6a3ce929d0e0e4736");
            MDC.put(MdcKeys.SPAN_ID, "00f067aa0ba902b7");
            MDC.put(MdcKeys.EVENT_ID, "e-42");
            LoggerFactory.getLogger(ServiceDefaultsTest.class).warn("a line about an event");
        } finally {
            MDC.clear();
        }
        assertThat(output.getOut()).containsPattern(
                "\\[traceId=4bf92f3577b34da6a3ce929d0e0e4736 spanId=00f067aa0ba902b7 eventId=e-42\\] .*"
                        + "a line about an event");
    }

    private static ConfigurableApplicationContext run(String... args) {
        return new SpringApplicationBuilder(AnyService.class).web(WebApplicationType.NONE).run(args);
    }
}
