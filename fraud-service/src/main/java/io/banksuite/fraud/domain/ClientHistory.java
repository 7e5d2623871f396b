package io.banksuite.fraud.domain;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What fraud-service knows of a client when it screens one of its transactions, as of the moment the transaction
 * occurred: the client's earlier transactions (not counting the one under review; only {@link FraudRules#lookback()}
 * before it is needed, rules ignore anything older), and the status and the limit in the transaction's currency
 * that were in force then. Empty status or limit: none was known for the client at that time.
 */
public record ClientHistory(List<EarlierTransaction> earlier, Optional<ClientStatus> status,
                            Optional<SpendingLimit> limit) {

    public static final ClientHistory NONE = new ClientHistory(List.of(), Optional.empty(), Optional.empty());

    public ClientHistory {
        earlier = List.copyOf(earlier);
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(limit, "limit");
    }

    /** Earlier transactions known only by when they occurred (no amount), and no standing. */
    public static ClientHistory of(Instant... occurrences) {
        return new ClientHistory(Arrays.stream(occurrences).map(at -> new EarlierTransaction(at, 0, "XXX")).toList(),
                Optional.empty(), Optional.empty());
    }

    public static ClientHistory of(List<EarlierTransaction> earlier) {
        return new ClientHistory(earlier, Optional.empty(), Optional.empty());
    }

    public ClientHistory withStatus(ClientStatus inForce) {
        return new ClientHistory(earlier, Optional.of(inForce), limit);
    }

    public ClientHistory withLimit(SpendingLimit inForce) {
        return new ClientHistory(earlier, status, Optional.of(inForce));
    }

    /** One of the client's earlier transactions. */
    public record EarlierTransaction(Instant occurredAt, long amountMinor, String currency) {

        public EarlierTransaction {
            Objects.requireNonNull(occurredAt, "occurredAt");
            Objects.requireNonNull(currency, "currency");
        }
    }
}
