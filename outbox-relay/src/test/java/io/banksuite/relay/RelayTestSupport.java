package io.banksuite.relay;

import io.banksuite.events.Channel;
import io.banksuite.events.TransactionCreated;
import io.banksuite.schemas.MessageHeaders;
import io.banksuite.events.TransactionType;
import io.banksuite.local.PostgresDatabases;
import io.banksuite.schemas.MessageHeaders;
import io.banksuite.outbox.OutboxMessage;
import io.banksuite.outbox.OutboxWriter;
import io.banksuite.schemas.serde.AvroBinary;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

/**
 * A real PostgreSQL database with the outbox table (from the outbox jar's migration), a real KRaft broker, and relay
 * application contexts.
 */
final class RelayTestSupport implements AutoCloseable {

    static final int PARTITIONS = 6;
    static final String OUTBOX_MIGRATION = "db/migration/V0_2__outbox.sql";

    final EmbeddedKafkaKraftBroker broker;
    final String registryUrl;
    final String databaseUrl;
    final JdbcTemplate jdbc;
    final TransactionTemplate transaction;
    final OutboxWriter writer;
    private final List<ConfigurableApplicationContext> relays = new ArrayList<>();

    RelayTestSupport(String database, String registryUrl, String... topics) {
        this.registryUrl = registryUrl;
        this.broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS, topics);
        broker.afterPropertiesSet();
        this.databaseUrl = PostgresDatabases.recreate(database);
        var dataSource = new DriverManagerDataSource(databaseUrl, PostgresDatabases.username(),
                PostgresDatabases.password());
        this.jdbc = new JdbcTemplate(dataSource);
        jdbc.execute(outboxMigration());
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.writer = new OutboxWriter(dataSource);
    }

    /**
     * The outbox jar's Flyway migration, the one transaction-service's Flyway applies. The relay has no Flyway (it
     * must never migrate transaction-service's database), so the test runs the script itself.
     */
    static String outboxMigration() {
        try {
            return new ClassPathResource(OUTBOX_MIGRATION).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + OUTBOX_MIGRATION + " from the outbox jar", e);
        }
    }

    String newTopic(String prefix) {
        String topic = prefix + "." + UUID.randomUUID().toString().substring(0, 8);
        broker.addTopics(new NewTopic(topic, PARTITIONS, (short) 1));
        return topic;
    }

    /** Starts a relay application (web server on a free port) against the test database, broker and registry. */
    ConfigurableApplicationContext startRelay(String... extraProperties) {
        List<String> properties = new ArrayList<>(List.of(
                "server.port=0",
                "spring.datasource.url=" + databaseUrl,
                "spring.datasource.username=" + PostgresDatabases.username(),
                "spring.datasource.password=" + PostgresDatabases.password(),
                "spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "spring.kafka.properties.schema.registry.url=" + registryUrl,
                "spring.kafka.producer.properties.max.block.ms=5000",
                "spring.kafka.producer.properties.delivery.timeout.ms=20000",
                "outbox.relay.poll-interval=20ms",
                "outbox.relay.standby-interval=100ms",
                "outbox.relay.initial-backoff=100ms",
                "outbox.relay.max-backoff=400ms",
                "outbox.relay.shutdown-timeout=20s"));
        properties.addAll(List.of(extraProperties));
        // As command-line arguments: they must win over application.yml (builder "properties" are only defaults).
        ConfigurableApplicationContext context = new SpringApplicationBuilder(OutboxRelayApplication.class)
                .run(properties.stream().map(p -> "--" + p).toArray(String[]::new));
        relays.add(context);
        return context;
    }

    /** Writes TransactionCreated events round-robin over the clients; amountMinor is each client's sequence (1..n). */
    List<UUID> writeEvents(String topic, List<String> clients, int perClient) {
        return writeEvents(topic, clients, 1, perClient);
    }

    List<UUID> writeEvents(String topic, List<String> clients, int fromSequence, int toSequence) {
        List<UUID> eventIds = new ArrayList<>();
        transaction.executeWithoutResult(status -> {
            for (int sequence = fromSequence; sequence <= toSequence; sequence++) {
                for (String client : clients) {
                    eventIds.add(writeEvent(topic, client, sequence, Map.of()));
                }
            }
        });
        return eventIds;
    }

    UUID writeEvent(String topic, String client, long sequence, Map<String, String> headers) {
        UUID eventId = UUID.randomUUID();
        TransactionCreated event = TransactionCreated.newBuilder()
                .setEventId(eventId.toString())
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MICROS))
                .setTransactionId(UUID.randomUUID().toString())
                .setClientId(client)
                .setAmountMinor(sequence)
                .setCurrency("EUR")
                .setType(TransactionType.PAYMENT)
                .setChannel(Channel.WEB)
                .build();
        var message = OutboxMessage.avro(eventId, topic, client, AvroBinary.encode(event),
                TransactionCreated.getClassSchema().toString());
        for (var header : headers.entrySet()) {
            message = message.withHeader(header.getKey(), header.getValue());
        }
        var finalMessage = message;
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            writer.append(finalMessage);
        } else {
            transaction.executeWithoutResult(status -> writer.append(finalMessage));
        }
        return eventId;
    }

    /** Writes any Avro event as transaction-service writes one: plain binary, writer schema and event type beside it. */
    void writeRow(String topic, String key, UUID eventId, SpecificRecord event, String eventType) {
        var message = OutboxMessage.avro(eventId, topic, key, AvroBinary.encode(event), event.getSchema().toString())
                .withHeader(MessageHeaders.EVENT_TYPE, eventType);
        transaction.executeWithoutResult(status -> writer.append(message));
    }

    long unsent() {
        return jdbc.queryForObject("SELECT count(*) FROM outbox WHERE sent_at IS NULL", Long.class);
    }

    long sent() {
        return jdbc.queryForObject("SELECT count(*) FROM outbox WHERE sent_at IS NOT NULL", Long.class);
    }

    /** Every record of the topic from the beginning, once at least {@code atLeast} arrived and no more come. */
    List<ConsumerRecord<String, byte[]>> consumeAll(String topic, int atLeast) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = IntStream.range(0, PARTITIONS)
                    .mapToObj(p -> new TopicPartition(topic, p)).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            int emptyPollsAfterEnough = 0;
            while (System.nanoTime() < deadline && emptyPollsAfterEnough < 2) {
                var batch = consumer.poll(Duration.ofMillis(300));
                batch.forEach(records::add);
                if (records.size() >= atLeast && batch.isEmpty()) {
                    emptyPollsAfterEnough++;
                }
            }
        }
        return records;
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Records per key in partition (= publication) order, keeping the first record of each event id. */
    static Map<String, List<ConsumerRecord<String, byte[]>>> dedupedByKey(List<ConsumerRecord<String, byte[]>> records) {
        var seen = new HashSet<String>();
        Map<String, List<ConsumerRecord<String, byte[]>>> byKey = new LinkedHashMap<>();
        records.stream()
                .sorted(Comparator.comparingInt(ConsumerRecord<String, byte[]>::partition)
                        .thenComparingLong(ConsumerRecord::offset))
                .filter(r -> seen.add(header(r, MessageHeaders.EVENT_ID)))
                .forEach(r -> byKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r));
        return byKey;
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout + " waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted waiting for " + what, e);
            }
        }
    }

    void closeRelays() {
        for (var context : relays) {
            context.close();
        }
        relays.clear();
    }

    @Override
    public void close() {
        closeRelays();
        broker.destroy();
    }
}
