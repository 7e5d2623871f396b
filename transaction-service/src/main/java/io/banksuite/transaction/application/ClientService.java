package io.banksuite.transaction.application;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Consumer;

import io.banksuite.transaction.application.port.out.ClientEventPublisher;
import io.banksuite.transaction.application.port.out.ClientStateStore;
import io.banksuite.transaction.domain.ClientLimits;
import io.banksuite.transaction.domain.ClientNotFoundException;
import io.banksuite.transaction.domain.ClientProfile;
import io.banksuite.transaction.domain.ClientRequestValidator.ValidChange;
import io.banksuite.transaction.domain.ClientState;
import io.banksuite.transaction.domain.IdempotencyKeyReusedException;
import io.banksuite.transaction.domain.Precondition;
import io.banksuite.transaction.domain.PreconditionFailedException;
import io.banksuite.transaction.domain.PreconditionRequiredException;
import io.banksuite.transaction.domain.Versioned;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A client's profile and limits: each PUT replaces the whole state as a new version and writes its event
 * ({@code client.updated}, {@code limit.changed}) through the outbox in the same database transaction.
 *
 * <ul>
 *   <li>A PUT of the state that already stands writes nothing and no event, whatever its precondition says: what it
 *       asks for already holds (RFC 9110 allows this answer; it makes a retry after a lost response safe).</li>
 *   <li>Otherwise the precondition decides: a resource that exists is changed only with an If-Match naming its
 *       current version; without one the answer is 428, with a stale one 412.</li>
 *   <li>With an Idempotency-Key, a retry returns the version its first request made (even if later versions
 *       exist); the same key with a different request is refused.</li>
 * </ul>
 */
@Service
public class ClientService {

    /** A conflicting insert means another change committed; the precondition is judged again this often. */
    private static final int MAX_ATTEMPTS = 3;

    private final ClientStateStore<ClientProfile> profiles;
    private final ClientStateStore<ClientLimits> limits;
    private final ClientEventPublisher events;
    private final Clock clock;

    public ClientService(ClientStateStore<ClientProfile> profiles, ClientStateStore<ClientLimits> limits,
                         ClientEventPublisher events, Clock clock) {
        this.profiles = profiles;
        this.limits = limits;
        this.events = events;
        this.clock = clock;
    }

    public enum Outcome {
        /** The first version. */
        CREATED,
        /** A new version. */
        UPDATED,
        /** The requested state already stood; nothing written. */
        UNCHANGED,
        /** A retry with the same idempotency key; the version its first request made. */
        REPLAYED
    }

    public record Change<S extends ClientState>(Versioned<S> version, Outcome outcome) {
    }

    @Transactional
    public Change<ClientProfile> putProfile(ValidChange<ClientProfile> change, Precondition precondition) {
        return put("client profile", profiles, change, precondition, events::profileChanged);
    }

    /** @throws ClientNotFoundException when the client has no profile: limits belong to a known client */
    @Transactional
    public Change<ClientLimits> putLimits(ValidChange<ClientLimits> change, Precondition precondition) {
        if (profiles.current(change.clientId()).isEmpty()) {
            throw new ClientNotFoundException("No client " + change.clientId() + ": create its profile first");
        }
        return put("limits", limits, change, precondition, events::limitsChanged);
    }

    @Transactional(readOnly = true)
    public Versioned<ClientProfile> profile(String clientId) {
        return profiles.current(clientId).orElseThrow(() -> new ClientNotFoundException("No client " + clientId));
    }

    @Transactional(readOnly = true)
    public Versioned<ClientLimits> limits(String clientId) {
        return limits.current(clientId)
                .orElseThrow(() -> new ClientNotFoundException("No limits set for client " + clientId));
    }

    private <S extends ClientState> Change<S> put(String resource, ClientStateStore<S> store, ValidChange<S> change,
                                                  Precondition precondition, Consumer<Versioned<S>> announce) {
        String clientId = change.clientId();
        Optional<String> key = change.idempotencyKey();
        String fingerprint = key.map(k -> Fingerprints.of(change.state().canonicalText())).orElse(null);
        for (int attempt = 1; ; attempt++) {
            if (key.isPresent()) {
                var earlier = store.byIdempotencyKey(clientId, key.get());
                if (earlier.isPresent()) {
                    if (!earlier.get().requestFingerprint().equals(fingerprint)) {
                        throw new IdempotencyKeyReusedException("version", earlier.get().version().version());
                    }
                    return new Change<>(earlier.get().version(), Outcome.REPLAYED);
                }
            }
            Optional<Versioned<S>> current = store.current(clientId);
            if (current.isPresent() && current.get().state().equals(change.state())) {
                return new Change<>(current.get(), Outcome.UNCHANGED);
            }
            OptionalLong currentVersion = current.map(v -> OptionalLong.of(v.version())).orElse(OptionalLong.empty());
            if (!precondition.holdsFor(currentVersion)) {
                if (precondition instanceof Precondition.None) {
                    throw new PreconditionRequiredException(resource, currentVersion.getAsLong());
                }
                throw new PreconditionFailedException(resource, currentVersion);
            }
            var next = new Versioned<>(clientId, currentVersion.orElse(0) + 1, change.state(),
                    clock.instant().truncatedTo(ChronoUnit.MICROS), UUID.randomUUID());
            if (store.insert(next, key.orElse(null), fingerprint)) {
                announce.accept(next);
                return new Change<>(next, current.isEmpty() ? Outcome.CREATED : Outcome.UPDATED);
            }
            if (attempt == MAX_ATTEMPTS) {
                throw new PreconditionFailedException(resource, store.current(clientId)
                        .map(v -> OptionalLong.of(v.version())).orElse(OptionalLong.empty()));
            }
        }
    }
}
