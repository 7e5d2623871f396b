package io.banksuite.transaction.application;

import io.banksuite.transaction.application.port.out.TransactionEventPublisher;
import io.banksuite.transaction.application.port.out.TransactionStore;
import io.banksuite.transaction.domain.IdempotencyKeyReusedException;
import io.banksuite.transaction.domain.NewTransaction;
import io.banksuite.transaction.domain.Transaction;
import io.banksuite.transaction.domain.TransactionNotFoundException;
import io.banksuite.transaction.domain.TransactionPage;
import io.banksuite.transaction.domain.TransactionStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/** Records transactions and their events, and reads them back. */
@Service
public class TransactionService {

    private final TransactionStore repository;
    private final TransactionEventPublisher events;
    private final Clock clock;

    public TransactionService(TransactionStore repository, TransactionEventPublisher events, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.clock = clock;
    }

    /** The outcome of a create: the transaction, and whether this call created it or found it by idempotency key. */
    public record Creation(Transaction transaction, boolean created) {
    }

    /**
     * Records the transaction and its TransactionCreated event in one database transaction. With an idempotency
     * key already used by the same client for the same request, returns the original and writes nothing.
     *
     * @throws IdempotencyKeyReusedException when the key was used for a different request
     */
    @Transactional
    public Creation create(NewTransaction request, Optional<String> idempotencyKey) {
        String fingerprint = idempotencyKey.map(key -> fingerprint(request)).orElse(null);
        if (idempotencyKey.isPresent()) {
            var existing = repository.findByIdempotencyKey(request.clientId(), idempotencyKey.get());
            if (existing.isPresent()) {
                return replay(existing.get(), fingerprint);
            }
        }
        UUID id = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        // Microseconds: the precision of both timestamptz and the event's timestamp-micros.
        Instant occurredAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        OptionalLong sequence = repository.insert(id, request, TransactionStatus.CREATED, occurredAt, eventId,
                idempotencyKey.orElse(null), fingerprint);
        if (sequence.isEmpty()) {
            // A concurrent request with the same key committed first; ours wrote nothing.
            var winner = repository.findByIdempotencyKey(request.clientId(), idempotencyKey.orElseThrow())
                    .orElseThrow(() -> new IllegalStateException("Idempotency key conflict without a row"));
            return replay(winner, fingerprint);
        }
        var transaction = new Transaction(id, sequence.getAsLong(), request.clientId(), request.amount(),
                request.amountMinor(), request.currency(), request.type(), request.merchantId(),
                request.merchantCategory(), request.merchantCountry(), request.channel(), request.cardId(),
                TransactionStatus.CREATED, occurredAt, eventId, null);
        events.transactionCreated(transaction);
        return new Creation(transaction, true);
    }

    @Transactional(readOnly = true)
    public Transaction get(UUID id) {
        return repository.findById(id).orElseThrow(() -> new TransactionNotFoundException(id));
    }

    /**
     * A page of the client's transactions, newest first.
     *
     * @param before continue below this sequence (from {@link TransactionPage#nextBefore()}); empty for the first page
     */
    @Transactional(readOnly = true)
    public TransactionPage listByClient(String clientId, OptionalLong before, int limit) {
        var rows = repository.findByClient(clientId, before.orElse(Long.MAX_VALUE), limit + 1);
        if (rows.size() <= limit) {
            return new TransactionPage(rows, OptionalLong.empty());
        }
        var page = rows.subList(0, limit);
        return new TransactionPage(page, OptionalLong.of(page.get(limit - 1).sequence()));
    }

    private static Creation replay(TransactionStore.IdempotentTransaction existing, String fingerprint) {
        if (!existing.requestFingerprint().equals(fingerprint)) {
            throw new IdempotencyKeyReusedException("transactionId", existing.transaction().id());
        }
        return new Creation(existing.transaction(), false);
    }

    static String fingerprint(NewTransaction request) {
        return Fingerprints.of(request.canonicalText());
    }
}
