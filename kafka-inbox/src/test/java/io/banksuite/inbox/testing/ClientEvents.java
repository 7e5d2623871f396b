package io.banksuite.inbox.testing;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.banksuite.events.ClientStatus;
import io.banksuite.events.ClientUpdated;
import io.banksuite.events.CurrencyLimit;
import io.banksuite.events.LimitChanged;

/** {@code client.updated} and {@code limit.changed} events as transaction-service writes them, for consumers' tests. */
public final class ClientEvents {

    private ClientEvents() {
    }

    public static ClientUpdated profile(String clientId, long version, ClientStatus status, String segment,
                                        Instant occurredAt) {
        return ClientUpdated.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(occurredAt)
                .setClientId(clientId)
                .setVersion(version)
                .setStatus(status)
                .setSegment(segment)
                .setCountry("DE")
                .build();
    }

    public static LimitChanged limits(String clientId, long version, Instant occurredAt, CurrencyLimit... limits) {
        return LimitChanged.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(occurredAt)
                .setClientId(clientId)
                .setVersion(version)
                .setLimits(List.copyOf(Arrays.asList(limits)))
                .build();
    }

    public static CurrencyLimit limit(String currency, long singleTransactionMinor, long dailyMinor) {
        return CurrencyLimit.newBuilder()
                .setCurrency(currency)
                .setSingleTransactionLimitMinor(singleTransactionMinor)
                .setDailyLimitMinor(dailyMinor)
                .build();
    }
}
