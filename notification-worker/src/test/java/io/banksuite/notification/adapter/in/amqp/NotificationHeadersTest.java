package io.banksuite.notification.adapter.in.amqp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import io.banksuite.schemas.MessageHeaders;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;

class NotificationHeadersTest {

    @Test
    void retryCountIsZeroWhenAbsent() {
        assertThat(NotificationHeaders.retryCount(new MessageProperties())).isZero();
    }

    @Test
    void retryCountAcceptsNumbersAndNumericStrings() {
        assertThat(NotificationHeaders.retryCount(withHeader(NotificationHeaders.RETRY_COUNT, 2))).isEqualTo(2);
        assertThat(NotificationHeaders.retryCount(withHeader(NotificationHeaders.RETRY_COUNT, 3L))).isEqualTo(3);
        assertThat(NotificationHeaders.retryCount(withHeader(NotificationHeaders.RETRY_COUNT, " 1 "))).isEqualTo(1);
    }

    @Test
    void invalidOrNegativeRetryCountsCountAsZero() {
        assertThat(NotificationHeaders.retryCount(withHeader(NotificationHeaders.RETRY_COUNT, "two"))).isZero();
        assertThat(NotificationHeaders.retryCount(withHeader(NotificationHeaders.RETRY_COUNT, -4))).isZero();
    }

    @Test
    void retriedViaListsTheExpiredFromRetryQueuesInTierOrder() {
        // RabbitMQ does not keep x-death in chronological order (it regroups entries by queue and reason).
        var properties = withHeader(NotificationHeaders.X_DEATH, List.of(
                Map.of("queue", "q.retry.1m", "reason", "expired", "count", 1L),
                Map.of("queue", "q.other", "reason", "rejected", "count", 1L),
                Map.of("queue", "q.retry.5m", "reason", "rejected", "count", 1L),
                Map.of("queue", "q.retry.30s", "reason", "expired", "count", 1L)));

        assertThat(NotificationHeaders.retriedVia(properties, List.of("q.retry.30s", "q.retry.1m", "q.retry.5m")))
                .containsExactly("q.retry.30s", "q.retry.1m");
    }

    @Test
    void retriedViaIsEmptyWithoutXDeath() {
        assertThat(NotificationHeaders.retriedVia(new MessageProperties(), List.of("q.retry.30s"))).isEmpty();
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

        Message copy = FailedJobRouter.copyOf(original, Map.of(NotificationHeaders.RETRY_COUNT, 1));

        MessageProperties copied = copy.getMessageProperties();
        assertThat(copy.getBody()).isEqualTo(original.getBody());
        assertThat(copied.getMessageId()).isEqualTo("job-1");
        assertThat(copied.getContentType()).isEqualTo("application/json");
        assertThat(copied.getDeliveryMode()).isEqualTo(MessageDeliveryMode.PERSISTENT);
        assertThat(copied.getHeaders()).containsEntry(MessageHeaders.TRACEPARENT,
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .containsEntry(NotificationHeaders.RETRY_COUNT, 1);
        assertThat(copied.getDeliveryTag()).isZero();
    }

    @Test
    void replayResetsTheFailureCycleAndCountsReplays() {
        var properties = new MessageProperties();
        properties.setMessageId("job-1");
        properties.setHeader(MessageHeaders.TRACEPARENT, "tp");
        properties.setHeader(NotificationHeaders.RETRY_COUNT, 3);
        properties.setHeader(NotificationHeaders.ATTEMPTS, 4);
        properties.setHeader(NotificationHeaders.FAILURE_CLASS, "TRANSIENT");
        properties.setHeader(NotificationHeaders.FAILURE_REASON, "HTTP 503");
        properties.setHeader(NotificationHeaders.ORIGINAL_QUEUE, "q");
        properties.setHeader(NotificationHeaders.X_DEATH, List.of(Map.of("queue", "q.retry.5m")));
        properties.setHeader(NotificationHeaders.REPLAY_COUNT, 1);

        Message replay = DeadLetterQueue.replayable(new Message("{}".getBytes(), properties));

        assertThat(replay.getMessageProperties().getHeaders())
                .containsOnlyKeys(MessageHeaders.TRACEPARENT, NotificationHeaders.REPLAY_COUNT)
                .containsEntry(NotificationHeaders.REPLAY_COUNT, 2);
        assertThat(replay.getMessageProperties().getMessageId()).isEqualTo("job-1");
        assertThat(NotificationHeaders.retryCount(replay.getMessageProperties())).isZero();
    }

    private static MessageProperties withHeader(String name, Object value) {
        var properties = new MessageProperties();
        properties.setHeader(name, value);
        return properties;
    }
}
