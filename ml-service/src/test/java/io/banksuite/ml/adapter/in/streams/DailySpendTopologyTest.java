package io.banksuite.ml.adapter.in.streams;

import static io.banksuite.inbox.testing.TransactionEvents.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Properties;

import io.banksuite.events.ClientDailySpend;
import io.banksuite.events.ClientStatus;
import io.banksuite.events.TransactionCreated;
import io.banksuite.inbox.testing.ClientEvents;
import io.banksuite.schemas.Topics;
import io.banksuite.schemas.serde.AvroBinary;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The topology's fold, repeat check, retention and purge on Kafka Streams' test driver, with its wall clock in the
 * test's hands; the values are plain Avro (no registry), which the stream's real serde frames for the registry.
 */
class DailySpendTopologyTest {

    private static final Duration RETENTION = Duration.ofDays(35);
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant TODAY = NOW.truncatedTo(ChronoUnit.DAYS);

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, Object> events;
    private TestOutputTopic<String, ClientDailySpend> spend;

    @BeforeEach
    void topology() {
        StreamsBuilder builder = new StreamsBuilder();
        DailySpendTopology.addTo(builder, plainAvro(), DailySpendTopologyTest.<ClientDailySpend>plainAvro(),
                RETENTION);
        var properties = new DailySpendStreamProperties("ml-daily-spend", stateDir, StreamsConfig.EXACTLY_ONCE_V2,
                Duration.ofMillis(100), 1, -1, RETENTION, Duration.ofSeconds(10), Map.of());
        Properties config = new Properties();
        config.putAll(properties.streamsConfig("test:9092"));
        driver = new TopologyTestDriver(builder.build(), config, NOW);
        events = driver.createInputTopic(Topics.CLIENT_EVENTS_NAME, Serdes.String().serializer(),
                plainAvro().serializer());
        spend = driver.createOutputTopic(Topics.CLIENT_DAILY_SPEND_NAME, Serdes.String().deserializer(),
                DailySpendTopologyTest.<ClientDailySpend>plainAvro().deserializer());
    }

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void oneRecordPerTransactionKeyedByClientWithTheRunningTotalOfItsDayAndCurrency() {
        TransactionCreated first = payment("c-1", 100, "EUR", TODAY.plusSeconds(1));
        send(first);
        send(payment("c-1", 250, "EUR", TODAY.plusSeconds(2)));
        send(payment("c-1", 999, "USD", TODAY.plusSeconds(3)));
        send(payment("c-1", 7, "EUR", TODAY.minus(1, ChronoUnit.DAYS)));
        events.pipeInput("c-1", ClientEvents.profile("c-1", 1, ClientStatus.ACTIVE, "RETAIL", TODAY));
        send(first);

        var records = spend.readRecordsToList();
        assertThat(records).allSatisfy(record -> assertThat(record.key()).isEqualTo("c-1"));
        assertThat(records).extracting(r -> r.value().getDay().toString(), r -> r.value().getCurrency(),
                        r -> r.value().getCount(), r -> r.value().getTotalMinor())
                .containsExactly(tuple("2026-12-01", "EUR", 1L, 100L), tuple("2026-12-01", "EUR", 2L, 350L),
                        tuple("2026-12-01", "USD", 1L, 999L), tuple("2026-11-30", "EUR", 1L, 7L));
        assertThat(records.get(0).value().getSourceEventId()).isEqualTo(first.getEventId());
        assertThat(new String(records.get(0).headers().lastHeader("event_type").value(), StandardCharsets.UTF_8))
                .isEqualTo(Topics.DAILY_SPEND.name());
    }

    @Test
    void aTransactionOlderThanTheRetentionIsNotCountedAndTheStreamGoesOn() {
        send(payment("c-1", 100, "EUR", TODAY.minus(RETENTION).minus(1, ChronoUnit.DAYS)));
        send(payment("c-1", 5, "EUR", TODAY));

        assertThat(spend.readValuesToList()).extracting(ClientDailySpend::getCount, ClientDailySpend::getTotalMinor)
                .containsExactly(tuple(1L, 5L));
    }

    @Test
    void theTalliesOfDaysPastTheRetentionAreForgotten() {
        send(payment("c-1", 100, "EUR", TODAY.minus(1, ChronoUnit.DAYS)));
        send(payment("c-1", 5, "EUR", TODAY));
        KeyValueStore<String, Object> store = driver.getKeyValueStore(DailySpendTopology.STORE);
        assertThat(store.approximateNumEntries()).isEqualTo(2);

        driver.advanceWallClockTime(RETENTION);

        assertThat(store.get("2026-11-30|c-1|EUR")).isNull();
        assertThat(store.get("2026-12-01|c-1|EUR")).isNotNull();
    }

    private void send(TransactionCreated transaction) {
        events.pipeInput(transaction.getClientId(), transaction);
    }

    /** The record's full name, a zero byte, its Avro binary: enough for the test to read it back as its class. */
    @SuppressWarnings("unchecked")
    private static <T> Serde<T> plainAvro() {
        return (Serde<T>) Serdes.serdeFrom((topic, value) -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            GenericContainer record = (GenericContainer) value;
            out.writeBytes(record.getSchema().getFullName().getBytes(StandardCharsets.UTF_8));
            out.write(0);
            out.writeBytes(AvroBinary.encode(record));
            return out.toByteArray();
        }, (topic, bytes) -> {
            int zero = bytes.length;
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == 0) {
                    zero = i;
                    break;
                }
            }
            Schema schema = schemaOf(new String(bytes, 0, zero, StandardCharsets.UTF_8));
            return AvroBinary.decode(AvroBinary.reader(schema, true), bytes, zero + 1, bytes.length - zero - 1);
        });
    }

    private static Schema schemaOf(String fullName) {
        return Topics.all().stream().flatMap(topic -> topic.eventTypes().stream())
                .filter(type -> type.schema().getFullName().equals(fullName)).findFirst().orElseThrow().schema();
    }
}
