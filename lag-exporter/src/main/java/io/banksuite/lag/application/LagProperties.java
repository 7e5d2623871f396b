package io.banksuite.lag.application;

import java.time.Duration;
import java.util.List;

import io.banksuite.schemas.Topics;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What lag-exporter watches (prefix {@code lag}).
 *
 * @param topics       the topics whose consumer groups it reports; by default every topic of {@link Topics}
 * @param pollInterval how often it reads the broker (a scrape sees the last reading)
 */
@Validated
@ConfigurationProperties("lag")
public record LagProperties(List<String> topics, @DefaultValue("10s") @NotNull Duration pollInterval) {

    public LagProperties {
        topics = topics == null || topics.isEmpty()
                ? Topics.all().stream().map(Topics.Topic::name).toList() : List.copyOf(topics);
    }
}
