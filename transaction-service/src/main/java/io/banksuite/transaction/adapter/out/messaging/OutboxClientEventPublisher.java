package io.banksuite.transaction.adapter.out.messaging;

import io.banksuite.events.ClientStatus;
import io.banksuite.events.ClientUpdated;
import io.banksuite.events.CurrencyLimit;
import io.banksuite.events.LimitChanged;
import io.banksuite.schemas.Topics;
import io.banksuite.transaction.application.port.out.ClientEventPublisher;
import io.banksuite.transaction.domain.ClientLimits;
import io.banksuite.transaction.domain.ClientProfile;
import io.banksuite.transaction.domain.Versioned;
import org.springframework.stereotype.Component;

/** Queues client.updated and limit.changed on the client stream, in the caller's database transaction. */
@Component
public class OutboxClientEventPublisher implements ClientEventPublisher {

    private final ClientEventsOutbox outbox;

    public OutboxClientEventPublisher(ClientEventsOutbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void profileChanged(Versioned<ClientProfile> profile) {
        ClientUpdated event = ClientUpdated.newBuilder()
                .setEventId(profile.eventId().toString())
                .setOccurredAt(profile.changedAt())
                .setClientId(profile.clientId())
                .setVersion(profile.version())
                .setStatus(ClientStatus.valueOf(profile.state().status().name()))
                .setSegment(profile.state().segment())
                .setCountry(profile.state().country())
                .build();
        outbox.append(Topics.CLIENT_UPDATED, profile.eventId(), profile.clientId(), event);
    }

    @Override
    public void limitsChanged(Versioned<ClientLimits> limits) {
        LimitChanged event = LimitChanged.newBuilder()
                .setEventId(limits.eventId().toString())
                .setOccurredAt(limits.changedAt())
                .setClientId(limits.clientId())
                .setVersion(limits.version())
                .setLimits(limits.state().byCurrency().stream()
                        .map(limit -> CurrencyLimit.newBuilder()
                                .setCurrency(limit.currency().getCurrencyCode())
                                .setSingleTransactionLimitMinor(limit.singleTransactionMinor())
                                .setDailyLimitMinor(limit.dailyMinor())
                                .build())
                        .toList())
                .build();
        outbox.append(Topics.LIMIT_CHANGED, limits.eventId(), limits.clientId(), event);
    }
}
