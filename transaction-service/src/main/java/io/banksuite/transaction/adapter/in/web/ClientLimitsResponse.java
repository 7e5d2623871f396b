package io.banksuite.transaction.adapter.in.web;

import java.time.Instant;
import java.util.List;

import io.banksuite.transaction.domain.ClientLimits;
import io.banksuite.transaction.domain.Versioned;

/** A client's limits as the API returns them: amounts are strings with the currency's fraction digits. */
public record ClientLimitsResponse(String clientId, List<Limit> limits, long version, Instant changedAt) {

    public record Limit(String currency, String singleTransactionLimit, String dailyLimit) {
    }

    static ClientLimitsResponse of(Versioned<ClientLimits> limits) {
        return new ClientLimitsResponse(limits.clientId(), limits.state().byCurrency().stream()
                .map(limit -> new Limit(limit.currency().getCurrencyCode(), limit.singleTransaction().toPlainString(),
                        limit.daily().toPlainString()))
                .toList(), limits.version(), limits.changedAt());
    }
}
