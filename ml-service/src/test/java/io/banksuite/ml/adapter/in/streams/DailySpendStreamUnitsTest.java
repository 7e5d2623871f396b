package io.banksuite.ml.adapter.in.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import io.banksuite.ml.domain.DailySpend;
import io.banksuite.ml.domain.DailyTally;
import io.banksuite.ml.domain.TransactionObservation;
import io.banksuite.schemas.serde.SchemaRegistryException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/** The stream's parts that need no broker: its store format, keys, event ids, settings and fault rules. */
class DailySpendStreamUnitsTest {

    private static final LocalDate DAY = LocalDate.parse("2026-11-27");

    @Test
    void theStoreFormatReadsBackWhatItWrote() {
        DailyTally tally = new DailyTally(new DailySpend("client|with|bars-é", DAY, "EUR", 351, 3),
                Set.of("e-1", "e-2", "e-3"));

        DailyTally read = DailySpendStoreSerde.read(DailySpendStoreSerde.write(tally));

        assertThat(read).isEqualTo(tally);
        assertThatThrownBy(() -> DailySpendStoreSerde.read(new byte[]{9, 0}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("format 9");
    }

    @Test
    void aStoreKeyIsDayClientAndCurrency() {
        var observed = new TransactionObservation("c-1", "EUR", 5, Instant.parse("2026-11-27T23:00:00Z"));

        assertThat(DailySpendProcessor.storeKey(observed)).isEqualTo("2026-11-27|c-1|EUR");
        // Every key of a day sorts before the next day, the bound of the purge's range.
        assertThat(DailySpendProcessor.storeKey(observed)).isLessThan("2026-11-28");
    }

    @Test
    void theOutputEventIdIsDerivedFromTheInputsAndDiffersFromIt() {
        String source = "7d1f5f3e-4a43-4c35-9a36-0f7cf7e0a1b2";

        assertThat(DailySpendProcessor.eventId(source)).isEqualTo(DailySpendProcessor.eventId(source))
                .isNotEqualTo(source).isNotEqualTo(DailySpendProcessor.eventId("another"));
    }

    @Test
    void settingsNameTheDeadLetterTopicAndKeepExactlyOnceAndTheHandlers() {
        var properties = properties(StreamsConfig.EXACTLY_ONCE_V2,
                Map.of("main.consumer.session.timeout.ms", "6000", StreamsConfig.APPLICATION_ID_CONFIG, "ignored"));

        Map<String, Object> config = properties.streamsConfig("127.0.0.1:9092");

        assertThat(properties.deadLetterTopic()).isEqualTo("client.events.ml-daily-spend.dlt");
        assertThat(config).containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "ml-daily-spend")
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
                .containsEntry(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG,
                        "client.events.ml-daily-spend.dlt")
                .containsEntry(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                        ParkingExceptionHandler.class)
                .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100L)
                .containsEntry("main.consumer.session.timeout.ms", "6000");
        assertThatThrownBy(() -> properties("exactly_once", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exactly_once_v2");
    }

    @Test
    void onlyAnUnreachableRegistryIsNotTheRecordsFault() {
        var unreachable = new SchemaRegistryException("connection refused", 0, 0, null);
        var serverError = new SchemaRegistryException("unavailable", 503, 50301, null);
        var unknownSchema = new SchemaRegistryException("not found", 404, 40403, null);

        assertThat(ParkingExceptionHandler.registryUnreachable(new SerializationException("x", unreachable))).isTrue();
        assertThat(ParkingExceptionHandler.registryUnreachable(new SerializationException("x", serverError))).isTrue();
        assertThat(ParkingExceptionHandler.registryUnreachable(new SerializationException("x", unknownSchema))).isFalse();
        assertThat(ParkingExceptionHandler.registryUnreachable(new SerializationException("Unknown magic byte")))
                .isFalse();
    }

    private static DailySpendStreamProperties properties(String guarantee, Map<String, String> extra) {
        return new DailySpendStreamProperties("ml-daily-spend", Path.of("/tmp/state"), guarantee,
                Duration.ofMillis(100), 1, -1, Duration.ofDays(35), Duration.ofSeconds(10), extra);
    }
}
