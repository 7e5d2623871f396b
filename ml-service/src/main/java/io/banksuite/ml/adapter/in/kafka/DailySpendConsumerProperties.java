package io.banksuite.ml.adapter.in.kafka;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The consumer of {@code client.daily-spend} (prefix {@code ml.daily-spend.consumer}); it reads through the inbox's
 * consumer factory, so {@code read_committed}, Avro and the dead-letter handling come from kafka-inbox.
 *
 * @param groupId     its consumer group; names its dead-letter topic {@code client.daily-spend.<group>.dlt}
 * @param concurrency consumer threads (at most the topic's partitions are useful)
 */
@Validated
@ConfigurationProperties(DailySpendConsumerProperties.PREFIX)
public record DailySpendConsumerProperties(
        @DefaultValue("ml-daily-spend-consumer") @NotBlank String groupId,
        @DefaultValue("1") @Min(1) int concurrency) {

    static final String PREFIX = "ml.daily-spend.consumer";

    private static final String BEAN = "@'" + PREFIX + "-io.banksuite.ml.adapter.in.kafka.DailySpendConsumerProperties'";

    /** {@code ml.daily-spend.consumer.group-id}, for the listener annotation. */
    static final String GROUP_ID = "#{" + BEAN + ".groupId()}";

    /** {@code ml.daily-spend.consumer.concurrency}, for the listener annotation. */
    static final String CONCURRENCY = "#{" + BEAN + ".concurrency()}";
}
