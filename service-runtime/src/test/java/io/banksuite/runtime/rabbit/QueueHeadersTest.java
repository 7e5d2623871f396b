package io.banksuite.runtime.rabbit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import io.banksuite.schemas.MessageHeaders;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;

class QueueHeadersTest {

    @Test
    void retryCountIsZeroWhenAbsent() {
        assertThat(QueueHeaders.retryCount(new MessageProperties())).isZero();
    }

    @Test
    void retryCountAcceptsNumbersAndNumericStrings() {
        assertThat(QueueHeaders.retryCount(withHeader(QueueHeaders.RETRY_COUNT, 2))).isEqualTo(2);
        assertThat(QueueHeaders.retryCount(withHeader(QueueHeaders.RETRY_COUNT, 3L))).isEqualTo(3);
        assertThat(QueueHeaders.retryCount(withHeader(QueueHeaders.RETRY_COUNT, " 1 "))).isEqualTo(1);
    }

    @Test
    void invalidOrNegativeRetryCountsCountAsZero() {
        assertThat(QueueHeaders.retryCount(withHeader(QueueHeaders.RETRY_COUNT, "two"))).isZero();
        assertThat(QueueHeaders.retryCount(withHeader(QueueHeaders.RETRY_COUNT, -4))).isZero();
    }

    @Test
    void retriedViaListsTheExpiredFromRetryQueuesInTierOrder() {
        // RabbitMQ does not keep x-death in chronological order (it regroups entries by queue and reason).
        var properties = withHeader(QueueHeaders.X_DEATH, List.of(
                Map.of("queue", "q.retry.1m", "reason", "expired", "count", 1L),
                Map.of("queue", "q.other", "reason", "rejected", "count", 1L),
                Map.of("queue", "q.retry.5m", "reason", "rejected", "count", 1L),
                Map.of("queue", "q.retry.30s", "reason", "expired", "count", 1L)));

        assertThat(QueueHeaders.retriedVia(properties, List.of("q.retry.30s", "q.retry.1m", "q.retry.5m")))
                .containsExactly("q.retry.30s", "q.retry.1m");
    }

    @Test
    void retriedViaIsEmptyWithoutXDeath() {
        assertThat(QueueHeaders.retriedVia(new MessageProperties(), List.of("q.retry.30s"))).isEmpty();
    }

    @Test
    void republishedCopyKeepsIdentityAndHeadersAndIsPersistent() {
        var properties = new MessageProperties();
        properties.setMessageId("job-1");
        properties.setContentType("application/json");
        properties.setHeader(MessageHeaders.TRACEPARENT, "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        properties.setDeliveryTag(42);
        properties.setRedelivered(true);
        var original = new Message("{}".getBytes(), properties);

        Message copy = QueueHeaders.copyOf(original, Map.of(QueueHeaders.RETRY_COUNT, 1));

        MessageProperties copied = copy.getMessageProperties();
        assertThat(copy.getBody()).isEqualTo(original.getBody());
        assertThat(copied.getMessageId()).isEqualTo("job-1");
        assertThat(copied.getContentType()).isEqualTo("application/json");
        assertThat(copied.getDeliveryMode()).isEqualTo(MessageDeliveryMode.PERSISTENT);
        assertThat(copied.getHeaders()).containsEntry(MessageHeaders.TRACEPARENT,
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .containsEntry(QueueHeaders.RETRY_COUNT, 1);
        assertThat(copied.getDeliveryTag()).isZero();
    }

    @Test
    void replayResetsTheFailureCycleAndCountsReplays() {
        var properties = new MessageProperties();
        properties.setMessageId("job-1");
        properties.setHeader(MessageHeaders.TRACEPARENT, "tp");
        properties.setHeader(QueueHeaders.RETRY_COUNT, 3);
        properties.setHeader(QueueHeaders.ATTEMPTS, 4);
        properties.setHeader(QueueHeaders.FAILURE_CLASS, "TRANSIENT");
        properties.setHeader(QueueHeaders.FAILURE_REASON, "HTTP 503");
        properties.setHeader(QueueHeaders.ORIGINAL_QUEUE, "q");
        properties.setHeader(QueueHeaders.X_DEATH, List.of(Map.of("queue", "q.retry.5m")));
        properties.setHeader(QueueHeaders.REPLAY_COUNT, 1);

        Message replay = RabbitDeadLetterQueue.replayable(new Message("{}".getBytes(), properties));

        assertThat(replay.getMessageProperties().getHeaders())
                .containsOnlyKeys(MessageHeaders.TRACEPARENT, QueueHeaders.REPLAY_COUNT)
                .containsEntry(QueueHeaders.REPLAY_COUNT, 2);
        assertThat(replay.getMessageProperties().getMessageId()).isEqualTo("job-1");
        assertThat(QueueHeaders.retryCount(replay.getMessageProperties())).isZero();
    }

    private static MessageProperties withHeader(String name, Object value) {
        var properties = new MessageProperties();
        properties.setHeader(name, value);
        return properties;
    }
}
