package io.banksuite.lag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.banksuite.lag.application.LagMonitor;
import io.banksuite.lag.domain.GroupLag;
import io.banksuite.schemas.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * The lag of a group that has no live consumer, read from the broker alone: a group commits, goes away, records
 * keep coming (also to a partition it never committed on), and lag-exporter shows how many and how old, on a real
 * (in-JVM KRaft) broker.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "lag.poll-interval=200ms")
@EmbeddedKafka(partitions = Topics.EVENT_PARTITIONS, topics = Topics.CLIENT_EVENTS_NAME)
class LagExporterIT {

    private static final String GROUP = "it-lag-down-group";

    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    LagMonitor monitor;
    @LocalServerPort
    int port;

    @Test
    void aGroupWithNoLiveConsumerStillShowsItsLagInRecordsAndTime() throws Exception {
        TopicPartition partition = new TopicPartition(Topics.CLIENT_EVENTS_NAME, 2);
        TopicPartition neverCommitted = new TopicPartition(Topics.CLIENT_EVENTS_NAME, 4);
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
                new StringSerializer(), new StringSerializer());
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                     broker.getBrokersAsString()))) {
            for (int i = 0; i < 5; i++) {
                producer.send(new ProducerRecord<>(partition.topic(), partition.partition(), "c-1", "e-" + i)).get();
            }
            // The group applied the first two records, then every consumer of it stopped.
            admin.alterConsumerGroupOffsets(GROUP, Map.of(partition, new OffsetAndMetadata(2)))
                    .all().get(10, TimeUnit.SECONDS);
            // Then records reached a partition the group has never committed on.
            for (int i = 0; i < 4; i++) {
                producer.send(new ProducerRecord<>(neverCommitted.topic(), neverCommitted.partition(), "c-2", "f-" + i))
                        .get();
            }
            Thread.sleep(1_100);
        }

        GroupLag group = await().atMost(Duration.ofSeconds(30)).until(() -> monitor.last().stream()
                .filter(g -> g.group().equals(GROUP)).findFirst().orElse(null), g -> g != null && g.records() == 3 + 4);

        assertThat(group.members()).isZero();
        assertThat(group.partitions()).hasSize(Topics.EVENT_PARTITIONS);
        assertThat(group.partitions()).filteredOn(p -> p.partition() == 2).singleElement().satisfies(p -> {
            assertThat(p.committed()).isEqualTo(2);
            assertThat(p.end()).isEqualTo(5);
            assertThat(p.oldestUnappliedAt()).isNotNull();
        });
        assertThat(group.partitions()).filteredOn(p -> p.partition() == 4).singleElement().satisfies(p -> {
            assertThat(p.committed()).isZero();
            assertThat(p.end()).isEqualTo(4);
            assertThat(p.oldestUnappliedAt()).isNotNull();
        });
        assertThat(group.partitions()).filteredOn(p -> p.partition() != 2 && p.partition() != 4)
                .allSatisfy(p -> assertThat(p.records()).isZero());
        String scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        List<String> lines = scrape.lines().filter(line -> line.contains("group=\"" + GROUP + "\"")).toList();
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("consumer_group_lag_records{")
                .contains("partition=\"2\"").endsWith(" 3.0"));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("consumer_group_lag_records{")
                .contains("partition=\"4\"").endsWith(" 4.0"));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("consumer_group_members{").endsWith(" 0.0"));
        assertThat(lines).anySatisfy(line -> {
            assertThat(line).startsWith("consumer_group_time_lag_seconds{").contains("partition=\"2\"");
            assertThat(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).isGreaterThanOrEqualTo(1.0);
        });
    }
}
