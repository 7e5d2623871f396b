package io.banksuite.inbox.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.banksuite.schemas.Topics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * The integration test of a consuming service, on real infrastructure: the whole service on a random port, an
 * in-JVM KRaft broker (spring-kafka-test's, the real broker code) with the event topics as {@link Topics} defines
 * them, the shared schema registry and a new PostgreSQL database of the service's own
 * ({@link ServiceInfrastructure}). The broker's transaction log fits its one node, so transactional producers and
 * exactly-once streams work on it. Retries are fast, so that parking is quick. Drive it with
 * {@link InboxConsumerDriver}; add the test's own settings with {@code @TestPropertySource}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "inbox.retry.initial-interval=100ms",
        "inbox.retry.max-interval=200ms"})
@EmbeddedKafka(partitions = Topics.EVENT_PARTITIONS, topics = Topics.CLIENT_EVENTS_NAME,
        brokerProperties = {"transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1"})
@Import(ServiceInfrastructure.class)
public @interface InboxServiceTest {
}
