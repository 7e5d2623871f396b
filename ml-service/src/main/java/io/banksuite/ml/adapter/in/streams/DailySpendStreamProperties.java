package io.banksuite.ml.adapter.in.streams;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import io.banksuite.schemas.Topics;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.apache.kafka.streams.StreamsConfig;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The daily-spend stream (prefix {@code ml.daily-spend.stream}); each default is stated once, by its
 * {@code @DefaultValue}, except the state directory, which is a path of the machine and is set in application.yml.
 *
 * @param applicationId       Kafka Streams' application id: its consumer group on {@code client.events}, the prefix
 *                            of its internal topics and transactional ids, and the group that names its dead-letter
 *                            topic {@code client.events.<application-id>.dlt}
 * @param stateDir            where the state store lives on local disk (rebuilt from its changelog when lost)
 * @param processingGuarantee {@code exactly_once_v2}; {@code at_least_once} only to see what it guards against
 *                            (a crash then repeats outputs, which the kill test catches)
 * @param commitInterval      how long a transaction stays open at most: output records wait this long before a
 *                            {@code read_committed} reader sees them
 * @param threads             stream threads (at most the topic's partitions are useful)
 * @param replicationFactor   of the internal topics (changelog); -1 takes the broker's default
 * @param retention           how far back each day's tally is kept (at least a day): a transaction that occurred
 *                            earlier is parked, since its day can no longer be counted exactly
 * @param closeTimeout        how long a shutdown waits for the stream to commit and close
 * @param properties          any other Kafka Streams, consumer or producer setting (e.g.
 *                            {@code main.consumer.session.timeout.ms}); the settings above win over these
 */
@Validated
@ConfigurationProperties("ml.daily-spend.stream")
public record DailySpendStreamProperties(
        @DefaultValue("ml-daily-spend") @NotBlank String applicationId,
        @NotNull Path stateDir,
        @DefaultValue(StreamsConfig.EXACTLY_ONCE_V2) @NotBlank String processingGuarantee,
        @DefaultValue("100ms") @NotNull Duration commitInterval,
        @DefaultValue("1") @Min(1) int threads,
        @DefaultValue("-1") int replicationFactor,
        @DefaultValue("35d") @NotNull Duration retention,
        @DefaultValue("10s") @NotNull Duration closeTimeout,
        @DefaultValue Map<String, String> properties) {

    private static final Set<String> GUARANTEES = Set.of(StreamsConfig.EXACTLY_ONCE_V2, StreamsConfig.AT_LEAST_ONCE);

    public DailySpendStreamProperties {
        if (!GUARANTEES.contains(processingGuarantee)) {
            throw new IllegalArgumentException("ml.daily-spend.stream.processing-guarantee must be one of "
                    + GUARANTEES + ", not " + processingGuarantee);
        }
        if (retention != null && retention.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalArgumentException("ml.daily-spend.stream.retention must be at least a day, not "
                    + retention);
        }
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    /** Where the stream parks the records of {@code client.events} it cannot read or fold. */
    public String deadLetterTopic() {
        return Topics.deadLetterTopic(Topics.CLIENT_EVENTS_NAME, applicationId);
    }

    /** The Kafka Streams configuration, on the broker the rest of the service uses. */
    public Map<String, Object> streamsConfig(String bootstrapServers) {
        Map<String, Object> config = new HashMap<>(properties);
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, processingGuarantee);
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitInterval.toMillis());
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, replicationFactor);
        config.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, ParkingExceptionHandler.class);
        config.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, ParkingExceptionHandler.class);
        config.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, deadLetterTopic());
        return config;
    }
}
