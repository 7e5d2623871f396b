package io.banksuite.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.banksuite.schemas.Topics;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.kafka.listener.ContainerProperties.AckMode;

class InboxPropertiesTest {

    @Test
    void defaults() {
        InboxProperties properties = bind(Map.of());

        assertThat(properties).isEqualTo(InboxProperties.defaults());
        assertThat(properties.topic()).isEqualTo(Topics.CLIENT_EVENTS_NAME);
        assertThat(properties.groupId()).isNull();
        assertThat(properties.concurrency()).isEqualTo(1);
        assertThat(properties.ackMode()).isEqualTo(AckMode.BATCH);
        assertThat(properties.retry().maxAttempts()).isEqualTo(3);
        assertThat(properties.retry().blockWhileDatabaseDown()).isTrue();
        assertThat(properties.deadLetter().createTopic()).isTrue();
        InboxProperties.Replay replay = properties.deadLetter().replay();
        assertThat(replay.enabled()).isTrue();
        assertThat(replay.defaultMax()).isEqualTo(100);
        assertThat(replay.maxPerCall()).isEqualTo(10_000);
        assertThat(replay.sendTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(replay.timeout()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void bindsTheReplaySettings() {
        InboxProperties.Replay replay = bind(Map.of(
                "inbox.dead-letter.replay.enabled", "false",
                "inbox.dead-letter.replay.default-max", "10",
                "inbox.dead-letter.replay.max-per-call", "50",
                "inbox.dead-letter.replay.send-timeout", "5s",
                "inbox.dead-letter.replay.timeout", "1m")).deadLetter().replay();

        assertThat(replay).isEqualTo(new InboxProperties.Replay(false, 10, 50, Duration.ofSeconds(5),
                Duration.ofMinutes(1)));
        assertThatThrownBy(() -> bind(Map.of("inbox.dead-letter.replay.default-max", "20000")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("max-per-call");
    }

    @Test
    void bindsEverySetting() {
        InboxProperties properties = bind(Map.of(
                "inbox.topic", "t",
                "inbox.group-id", "g",
                "inbox.concurrency", "6",
                "inbox.ack-mode", "record",
                "inbox.retry.max-attempts", "5",
                "inbox.retry.initial-interval", "10ms",
                "inbox.retry.max-interval", "1s",
                "inbox.dead-letter.partitions", "3"));

        assertThat(properties.topic()).isEqualTo("t");
        assertThat(properties.groupId()).isEqualTo("g");
        assertThat(properties.concurrency()).isEqualTo(6);
        assertThat(properties.ackMode()).isEqualTo(AckMode.RECORD);
        assertThat(properties.retry().maxAttempts()).isEqualTo(5);
        assertThat(properties.retry().initialInterval()).isEqualTo(Duration.ofMillis(10));
        assertThat(properties.retry().multiplier()).isEqualTo(2.0);
        assertThat(properties.deadLetter().partitions()).isEqualTo(3);
    }

    @Test
    void rejectsAckModesThatCouldCommitBeforeTheDatabase() {
        assertThatThrownBy(() -> bind(Map.of("inbox.ack-mode", "TIME")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("BATCH or RECORD");
    }

    private static InboxProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("inbox", InboxProperties.class);
    }
}
