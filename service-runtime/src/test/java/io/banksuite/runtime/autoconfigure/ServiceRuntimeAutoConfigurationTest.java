package io.banksuite.runtime.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import io.banksuite.runtime.deadletter.DeadLetterAdminController;
import io.banksuite.runtime.deadletter.DeadLetters;
import io.banksuite.runtime.deadletter.FakeDeadLetters;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

class ServiceRuntimeAutoConfigurationTest {

    private final WebApplicationContextRunner web = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ServiceRuntimeAutoConfiguration.class));

    @Test
    void providesAUtcClockUnlessTheServiceHasOne() {
        web.run(context -> assertThat(context.getBean(Clock.class).getZone()).isEqualTo(ZoneOffset.UTC));
        Clock fixed = Clock.fixed(Instant.parse("2026-11-27T14:00:00Z"), ZoneOffset.UTC);
        web.withBean(Clock.class, () -> fixed).run(context -> assertThat(context.getBean(Clock.class)).isSameAs(fixed));
    }

    @Test
    void servesTheDeadLettersOfAWebServiceThatParksMessages() {
        web.withBean(DeadLetters.class, FakeDeadLetters::new)
                .run(context -> assertThat(context).hasSingleBean(DeadLetterAdminController.class));
        web.run(context -> assertThat(context).doesNotHaveBean(DeadLetterAdminController.class));
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ServiceRuntimeAutoConfiguration.class))
                .withBean(DeadLetters.class, FakeDeadLetters::new)
                .run(context -> assertThat(context).doesNotHaveBean(DeadLetterAdminController.class));
    }
}
