package io.banksuite.inbox;

import java.time.Duration;

import io.banksuite.runtime.deadletter.ReplayLimits;
import io.banksuite.schemas.Topics;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the idempotent consumer (prefix {@code inbox}); each default is stated once, by its
 * {@code @DefaultValue}. A service's {@code @KafkaListener} reads {@code ${inbox.topic}}, {@code ${inbox.group-id}}
 * and {@code ${inbox.concurrency}}; a service sets its group in its application.yml.
 *
 * @param topic       the topic the service consumes
 * @param groupId     the service's consumer group; names the dead-letter topic created at start-up and is the
 *                    fallback group for {@link InboxProcessor} off a listener thread. Optional.
 * @param concurrency consumer threads per listener (at most the topic's partition count is useful)
 * @param ackMode     when offsets are committed: BATCH (after every record of a poll has been processed and its
 *                    transaction committed) or RECORD (after each record). No other mode keeps the "commit after
 *                    the database commit" guarantee.
 * @param retry       retries of a record whose processing failed
 * @param deadLetter  the dead-letter topics
 */
@Validated
@ConfigurationProperties("inbox")
public record InboxProperties(
        @DefaultValue(Topics.CLIENT_EVENTS_NAME) @NotBlank String topic,
        @Nullable String groupId,
        @DefaultValue("1") @Min(1) int concurrency,
        @DefaultValue("BATCH") @NotNull AckMode ackMode,
        @DefaultValue @Valid @NotNull Retry retry,
        @DefaultValue @Valid @NotNull DeadLetter deadLetter) {

    public InboxProperties {
        if (ackMode != AckMode.BATCH && ackMode != AckMode.RECORD) {
            throw new IllegalArgumentException("inbox.ack-mode must be BATCH or RECORD, not " + ackMode
                    + ": other modes could commit an offset before the database transaction");
        }
    }

    /** Defaults throughout, as binding no property at all gives them; for tests and programmatic use. */
    public static InboxProperties defaults() {
        return new Binder().bindOrCreate("inbox", InboxProperties.class);
    }

    /**
     * @param maxAttempts               deliveries of a failing record before it is dead-lettered (1 = no retry).
     *                                  Records that can never succeed (undeserializable, {@link InvalidEventException})
     *                                  are dead-lettered at once.
     * @param initialInterval           wait before the first retry
     * @param multiplier                growth of the wait between retries
     * @param maxInterval               longest wait between retries (keep it well below max.poll.interval.ms)
     * @param blockWhileDatabaseDown    when the failure is the database being unreachable or a transient database
     *                                  error, retry without limit instead of dead-lettering: the record is fine, and
     *                                  dead-lettering every record during an outage would break per-client order
     */
    public record Retry(
            @DefaultValue("3") @Min(1) @Max(100) int maxAttempts,
            @DefaultValue("500ms") @NotNull Duration initialInterval,
            @DefaultValue("2.0") @DecimalMin("1.0") double multiplier,
            @DefaultValue("5s") @NotNull Duration maxInterval,
            @DefaultValue("true") boolean blockWhileDatabaseDown) {
    }

    /**
     * @param createTopic create {@code <topic>.<group-id>.dlt} at start-up when {@code inbox.group-id} is set
     * @param partitions  its partition count (dead-lettered records keep their key, so a client's records stay
     *                    in one partition)
     * @param replay      the operator's replay of the dead-letter topic
     */
    public record DeadLetter(
            @DefaultValue("true") boolean createTopic,
            @DefaultValue("" + Topics.DeadLetters.PARTITIONS) @Min(1) int partitions,
            @DefaultValue @Valid @NotNull Replay replay) {
    }

    /**
     * The replay of the group's dead-letter topic to the topic its records came from
     * ({@code POST /api/v1/admin/dead-letters/replay}, {@code GET /api/v1/admin/dead-letters}).
     *
     * @param enabled     offer the replay and the listing (needs {@code inbox.group-id}; the endpoints also need a
     *                    servlet web application)
     * @param defaultMax  records replayed or listed by one call when the request does not say
     * @param maxPerCall  the most records one call may replay or list
     * @param sendTimeout how long to wait for the broker's ack of one republished record before the call stops
     * @param timeout     how long one call may read the dead-letter topic; it returns what it did by then
     */
    public record Replay(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("100") @Min(1) int defaultMax,
            @DefaultValue("10000") @Min(1) int maxPerCall,
            @DefaultValue("30s") @NotNull Duration sendTimeout,
            @DefaultValue("2m") @NotNull Duration timeout) {

        public Replay {
            if (defaultMax > maxPerCall) {
                throw new IllegalArgumentException("inbox.dead-letter.replay.default-max (" + defaultMax
                        + ") must not exceed max-per-call (" + maxPerCall + ")");
            }
        }

        public ReplayLimits limits() {
            return new ReplayLimits(defaultMax, maxPerCall);
        }
    }
}
