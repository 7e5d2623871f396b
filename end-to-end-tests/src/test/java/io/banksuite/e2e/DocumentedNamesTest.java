package io.banksuite.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.banksuite.local.SuiteRoot;
import io.banksuite.schemas.RabbitTopology;
import io.banksuite.schemas.Topics;
import org.junit.jupiter.api.Test;

/**
 * The docs, the services' YAML comments and docker-compose.yml may name topics and queues for their readers; each
 * name they use must be one that {@link Topics} and {@link RabbitTopology} define, so a renamed contract cannot
 * leave a stale name behind.
 */
class DocumentedNamesTest {

    /** A topic of the registry, or the dead-letter topic of some group on one. */
    private static final Pattern TOPIC = Pattern.compile("client\\.(events|daily-spend)(\\.[A-Za-z0-9<>_-]+\\.dlt)?");
    /**
     * A RabbitMQ exchange or queue: notifications[.…], the audit and charge queues' audit.… and charges.… (the bare
     * words are prose too often to check), the alerts fanout, and the charge outcomes' exchange and queues.
     */
    private static final Pattern RABBIT = Pattern.compile("(?<![\\w.])(notifications(\\.[A-Za-z0-9]+(\\.[A-Za-z0-9]+)?)?"
            + "|audit\\.(alerts|dlq|retry\\.[A-Za-z0-9]+)|charges\\.(requests|dlq|retry\\.[A-Za-z0-9]+)|fraud\\.alerts"
            + "|charge\\.outcomes|transactions\\.charge-outcomes(\\.dlq)?)"
            + "(?![\\w])");
    /** The routing keys; property keys (notification.exchange …) are not contract names. */
    private static final Pattern ROUTING_KEY = Pattern.compile(
            "(?<![\\w.])(notification\\.job|audit\\.alert|charge\\.request|charge\\.outcome)(?![\\w.])");

    @Test
    void everyTopicNamedInTheDocsIsARegisteredTopicOrItsDeadLetterTopic() throws IOException {
        Set<String> topics = new TreeSet<>(Topics.all().stream().map(Topics.Topic::name).toList());
        for (String name : names(TOPIC)) {
            assertThat(name.endsWith(".dlt")
                    ? topics.stream().anyMatch(topic -> name.startsWith(topic + ".") && name.equals(
                            Topics.deadLetterTopic(topic, name.substring(topic.length() + 1, name.length() - 4))))
                    : topics.contains(name))
                    .as("%s is a topic of Topics, or <topic>.<group>.dlt", name).isTrue();
        }
        assertThat(names(TOPIC)).as("the docs name the topics").contains(Topics.CLIENT_EVENTS_NAME,
                Topics.CLIENT_DAILY_SPEND_NAME);
    }

    @Test
    void everyExchangeAndQueueNamedInTheDocsIsOneOfTheRabbitTopology() throws IOException {
        Set<String> defined = new TreeSet<>(List.of(RabbitTopology.FRAUD_ALERTS_EXCHANGE,
                RabbitTopology.NOTIFICATIONS_EXCHANGE, RabbitTopology.CHARGE_OUTCOMES_EXCHANGE,
                RabbitTopology.TRANSACTION_CHARGE_OUTCOMES_QUEUE,
                RabbitTopology.TRANSACTION_CHARGE_OUTCOMES_DEAD_LETTER_QUEUE));
        RabbitTopology.WORKER_QUEUES.forEach(queue -> defined.addAll(queue.queues()));

        assertThat(names(RABBIT)).as("names defined by RabbitTopology").isNotEmpty().isSubsetOf(defined)
                .contains(RabbitTopology.FRAUD_ALERTS_EXCHANGE, RabbitTopology.AUDIT_DEAD_LETTER_QUEUE);
        assertThat(names(ROUTING_KEY)).containsOnly(RabbitTopology.NOTIFICATION_JOB_ROUTING_KEY,
                RabbitTopology.AUDIT_ROUTING_KEY, RabbitTopology.CHARGE_REQUEST_ROUTING_KEY,
                RabbitTopology.CHARGE_OUTCOME_ROUTING_KEY);
    }

    /** Every match in the suite's docs, YAML and compose file. */
    private static Set<String> names(Pattern pattern) throws IOException {
        Set<String> names = new TreeSet<>();
        for (Path file : documents()) {
            Matcher matcher = pattern.matcher(Files.readString(file));
            while (matcher.find()) {
                names.add(matcher.group());
            }
        }
        return names;
    }

    private static List<Path> documents() throws IOException {
        Path root = SuiteRoot.path();
        List<Path> files = new ArrayList<>(List.of(root.resolve("README.md"), root.resolve("ARCHITECTURE.md"),
                root.resolve("docker-compose.yml")));
        try (Stream<Path> walk = Files.walk(root, 5)) {
            walk.filter(path -> !path.toString().contains("/target/") && !path.toString().contains("/node_modules/")
                            && !path.toString().contains("/.suite/"))
                    .filter(path -> path.getFileName().toString().equals("README.md")
                            || path.getFileName().toString().equals("application.yml"))
                    .filter(path -> !files.contains(path))
                    .forEach(files::add);
        }
        return files;
    }
}
