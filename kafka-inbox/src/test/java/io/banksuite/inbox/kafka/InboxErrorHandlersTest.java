package io.banksuite.inbox.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.banksuite.inbox.InboxProperties;
import io.banksuite.inbox.InvalidEventException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.serializer.DeserializationException;

/** Which failures are retried, how often, and which go to the recoverer (the dead-letter topic) at once. */
class InboxErrorHandlersTest {

    private static final InboxProperties.Retry FAST =
            new InboxProperties.Retry(3, Duration.ofMillis(1), 1.0, Duration.ofMillis(1), true);

    private final List<ConsumerRecord<?, ?>> recovered = new ArrayList<>();
    private final MessageListenerContainer container = mock(MessageListenerContainer.class);
    private final ConsumerRecord<String, String> record = new ConsumerRecord<>("t", 0, 0, "k", "v");

    @Test
    void retriesAFailingRecordThenRecoversIt() {
        DefaultErrorHandler handler = handler(FAST);
        Exception failure = listenerFailure(new IllegalStateException("effect failed"));

        assertThat(deliveriesUntilRecovered(handler, failure, 10)).isEqualTo(3);
        assertThat(recovered).containsExactly(record);
    }

    @Test
    void recoversADeserializationFailureAtOnce() {
        DefaultErrorHandler handler = handler(FAST);
        Exception failure = listenerFailure(new DeserializationException("not avro", new byte[]{1}, false,
                new IllegalArgumentException()));

        assertThat(deliveriesUntilRecovered(handler, failure, 10)).isEqualTo(1);
    }

    @Test
    void recoversAnInvalidEventAtOnce() {
        DefaultErrorHandler handler = handler(FAST);

        assertThat(deliveriesUntilRecovered(handler, listenerFailure(new InvalidEventException("no id")), 10))
                .isEqualTo(1);
    }

    @Test
    void keepsRetryingWhileTheDatabaseIsDown() {
        DefaultErrorHandler handler = handler(FAST);
        Exception failure = listenerFailure(new CannotGetJdbcConnectionException("connection refused"));

        assertThat(deliveriesUntilRecovered(handler, failure, 20)).as("never recovered").isEqualTo(-1);
        assertThat(recovered).isEmpty();
    }

    @Test
    void canDeadLetterDuringADatabaseOutageWhenSoConfigured() {
        DefaultErrorHandler handler = handler(
                new InboxProperties.Retry(2, Duration.ofMillis(1), 1.0, Duration.ofMillis(1), false));
        Exception failure = listenerFailure(new CannotGetJdbcConnectionException("connection refused"));

        assertThat(deliveriesUntilRecovered(handler, failure, 20)).isEqualTo(2);
    }

    private DefaultErrorHandler handler(InboxProperties.Retry retry) {
        DefaultErrorHandler handler = InboxErrorHandlers.create(retry, (r, ex) -> recovered.add(r));
        // handleOne runs the same classification and back-off as the container's seek-and-retry path.
        handler.setSeekAfterError(false);
        return handler;
    }

    /** The delivery that was recovered (1-based), or -1 if none of {@code max} deliveries was. */
    private int deliveriesUntilRecovered(DefaultErrorHandler handler, Exception failure, int max) {
        for (int delivery = 1; delivery <= max; delivery++) {
            if (handler.handleOne(failure, record, null, container)) {
                return delivery;
            }
        }
        return -1;
    }

    private static Exception listenerFailure(Exception cause) {
        return new ListenerExecutionFailedException("Listener failed", cause);
    }
}
