package io.banksuite.notification.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.banksuite.notification.application.port.out.NotificationProvider;
import io.banksuite.notification.application.port.out.SentNotificationStore;
import io.banksuite.notification.domain.DeliveryAttempt;
import io.banksuite.notification.domain.DeliveryOutcome;
import io.banksuite.notification.domain.FailureClass;
import io.banksuite.schemas.notification.NotificationJob;
import io.banksuite.notification.domain.SentNotification;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The send-once logic with in-memory fakes of its two ports. */
class DeliverNotificationServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-27T14:00:05Z");

    private final InMemoryStore store = new InMemoryStore();
    private final RecordingProvider provider = new RecordingProvider();
    private final DeliverNotificationService service =
            new DeliverNotificationService(provider, store, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void sendsAndRecordsWithTheAttemptDetails() {
        NotificationJob job = job();
        var attempt = new DeliveryAttempt(3, "tp", "trace-1", List.of("retry.30s", "retry.1m"));

        DeliveryResult result = service.deliver(job, attempt);

        assertThat(result).isInstanceOf(DeliveryResult.Sent.class);
        assertThat(provider.sent).containsExactly(job.jobId());
        SentNotification recorded = store.find(job.jobId()).orElseThrow();
        assertThat(recorded.attempts()).isEqualTo(3);
        assertThat(recorded.sentAt()).isEqualTo(NOW);
        assertThat(recorded.provider()).isEqualTo("fake");
        assertThat(recorded.traceId()).isEqualTo("trace-1");
        assertThat(recorded.retriedVia()).containsExactly("retry.30s", "retry.1m");
    }

    @Test
    void skipsAJobAlreadyRecordedAsSent() {
        NotificationJob job = job();
        service.deliver(job, firstAttempt());

        DeliveryResult again = service.deliver(job, firstAttempt());

        assertThat(again).isInstanceOf(DeliveryResult.AlreadySent.class);
        assertThat(provider.sent).hasSize(1);
    }

    @Test
    void doesNotRecordAFailedSend() {
        NotificationJob job = job();
        provider.next = () -> DeliveryOutcome.permanentFailure("HTTP 400");

        DeliveryResult result = service.deliver(job, firstAttempt());

        assertThat(result).isEqualTo(new DeliveryResult.Failed(FailureClass.PERMANENT, "HTTP 400"));
        assertThat(store.isSent(job.jobId())).isFalse();
    }

    @Test
    void aProviderExceptionIsATransientFailure() {
        provider.next = () -> {
            throw new IllegalStateException("bug in adapter");
        };

        DeliveryResult result = service.deliver(job(), firstAttempt());

        assertThat(result).isInstanceOf(DeliveryResult.Failed.class);
        var failed = (DeliveryResult.Failed) result;
        assertThat(failed.failureClass()).isEqualTo(FailureClass.TRANSIENT);
        assertThat(failed.reason()).contains("bug in adapter");
    }

    private static DeliveryAttempt firstAttempt() {
        return new DeliveryAttempt(1, null, null, List.of());
    }

    private static NotificationJob job() {
        return new NotificationJob(UUID.randomUUID(), "FRAUD_ALERT", UUID.randomUUID(), "c-1", UUID.randomUUID(),
                List.of("AMOUNT_OVER_THRESHOLD"), Instant.parse("2026-11-27T14:00:00Z"));
    }

    private static final class RecordingProvider implements NotificationProvider {
        final List<UUID> sent = new ArrayList<>();
        Supplier<DeliveryOutcome> next = DeliveryOutcome::sent;

        @Override
        public String name() {
            return "fake";
        }

        @Override
        public DeliveryOutcome send(NotificationJob job, DeliveryAttempt attempt) {
            DeliveryOutcome outcome = next.get();
            if (outcome instanceof DeliveryOutcome.Sent) {
                sent.add(job.jobId());
            }
            return outcome;
        }
    }

    private static final class InMemoryStore implements SentNotificationStore {
        final Map<UUID, SentNotification> rows = new HashMap<>();

        @Override
        public boolean isSent(UUID jobId) {
            return rows.containsKey(jobId);
        }

        @Override
        public boolean recordSent(SentNotification sent) {
            return rows.putIfAbsent(sent.jobId(), sent) == null;
        }

        @Override
        public Optional<SentNotification> find(UUID jobId) {
            return Optional.ofNullable(rows.get(jobId));
        }
    }
}
