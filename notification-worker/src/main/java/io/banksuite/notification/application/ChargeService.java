package io.banksuite.notification.application;

import java.time.Clock;
import java.util.Optional;

import io.banksuite.notification.application.port.out.CardProcessor;
import io.banksuite.notification.application.port.out.ChargeOutcomes;
import io.banksuite.notification.application.port.out.ChargeStore;
import io.banksuite.notification.domain.CardProcessorAnswer;
import io.banksuite.notification.domain.DeliveryAttempt;
import io.banksuite.notification.domain.FailureClass;
import io.banksuite.notification.domain.RecordedCharge;
import io.banksuite.schemas.charge.ChargeOutcome;
import io.banksuite.schemas.charge.ChargeRequest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Charges a transaction's card at most once. A transaction whose outcome is recorded is never sent to the processor
 * again. Before that, every call carries the transaction id as the processor's idempotency key, so the one window
 * left (the processor took the money, the worker died before recording it) makes the processor repeat its first
 * answer, not charge again. An approval records SETTLED, a decline DECLINED, both final; no answer leaves the
 * request to the queue's retries, and when they run out {@link #giveUp} records FAILED.
 *
 * <p>The outcome and its announcement to transaction-service ({@link ChargeOutcomes}, the worker's outbox) are
 * written in one database transaction, which holds no processor call: a crash leaves both or neither, and a
 * redelivery that finds the outcome recorded announces nothing again.
 *
 * <p>Meter {@code charge.outcomes{status}}: outcomes recorded.
 */
@Service
public class ChargeService {

    private static final Logger log = LoggerFactory.getLogger(ChargeService.class);

    private final CardProcessor processor;
    private final ChargeStore store;
    private final ChargeOutcomes announcements;
    private final TransactionOperations transaction;
    private final Clock clock;
    private final MeterRegistry meters;

    public ChargeService(CardProcessor processor, ChargeStore store, ChargeOutcomes announcements,
                         TransactionOperations transaction, Clock clock, MeterRegistry meters) {
        this.processor = processor;
        this.store = store;
        this.announcements = announcements;
        this.transaction = transaction;
        this.clock = clock;
        this.meters = meters;
        for (String status : new String[] {ChargeOutcome.SETTLED, ChargeOutcome.DECLINED, ChargeOutcome.FAILED}) {
            outcomes(status);
        }
    }

    public ChargeResult charge(ChargeRequest request, DeliveryAttempt attempt) {
        Optional<RecordedCharge> recorded = store.find(request.transactionId());
        if (recorded.isPresent()) {
            return new ChargeResult.AlreadyDecided(recorded.get());
        }
        CardProcessorAnswer answer;
        try {
            answer = processor.charge(request, attempt);
        } catch (RuntimeException e) {
            // A processor adapter bug must not stall the queue: the request walks the retries and ends, visible,
            // as FAILED in the DLQ if it keeps failing.
            log.warn("Card processor threw for transactionId={} traceId={} attempt={}", request.transactionId(),
                    attempt.traceId(), attempt.number(), e);
            answer = new CardProcessorAnswer.Failed(FailureClass.TRANSIENT, "card processor error: " + e);
        }
        if (answer instanceof CardProcessorAnswer.Approved approved) {
            return decided(record(request, attempt, ChargeOutcome.SETTLED, approved.reference(), null));
        }
        if (answer instanceof CardProcessorAnswer.Declined declined) {
            return decided(record(request, attempt, ChargeOutcome.DECLINED, declined.reference(), declined.reason()));
        }
        CardProcessorAnswer.Failed failed = (CardProcessorAnswer.Failed) answer;
        return new ChargeResult.Failed(failed.failureClass(), failed.reason());
    }

    /** The retries ran out, or the processor will never take it: nothing was charged, and that is final. */
    public RecordedCharge giveUp(ChargeRequest request, DeliveryAttempt attempt, String reason) {
        ChargeResult result = decided(record(request, attempt, ChargeOutcome.FAILED, null, reason));
        // Another delivery may have recorded the outcome first: that one stands.
        return result instanceof ChargeResult.Decided decided
                ? decided.outcome() : ((ChargeResult.AlreadyDecided) result).outcome();
    }

    private RecordedCharge record(ChargeRequest request, DeliveryAttempt attempt, String status, String reference,
                                  String reason) {
        return new RecordedCharge(request.transactionId(), request.chargeId(), request.clientId(), request.cardId(),
                request.amountMinor(), request.currency(), status, reference, reason, attempt.number(),
                attempt.traceId(), clock.instant());
    }

    private ChargeResult decided(RecordedCharge outcome) {
        boolean recorded = Boolean.TRUE.equals(transaction.execute(status -> {
            if (!store.record(outcome)) {
                return false;
            }
            announcements.announce(outcome);
            return true;
        }));
        if (!recorded) {
            // Another delivery of the same request recorded first; the processor answered both the same.
            RecordedCharge first = store.find(outcome.transactionId()).orElse(outcome);
            log.warn("transactionId={} traceId={} had its outcome {} recorded concurrently; it stands",
                    outcome.transactionId(), outcome.traceId(), first.status());
            return new ChargeResult.AlreadyDecided(first);
        }
        outcomes(outcome.status()).increment();
        return new ChargeResult.Decided(outcome);
    }

    private Counter outcomes(String status) {
        return Counter.builder("charge.outcomes").description("Charge outcomes recorded, by status")
                .tag("status", status).register(meters);
    }
}
