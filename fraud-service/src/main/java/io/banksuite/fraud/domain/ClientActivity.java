package io.banksuite.fraud.domain;

import java.time.Instant;
import java.util.List;

/**
 * The client's earlier transactions known to fraud-service, as their occurrence times, not counting the
 * transaction under review. It only needs to cover {@link FraudRules#lookback()} before that transaction: rules
 * ignore anything older.
 */
public record ClientActivity(List<Instant> earlierOccurrences) {

    public static final ClientActivity NONE = new ClientActivity(List.of());

    public ClientActivity {
        earlierOccurrences = List.copyOf(earlierOccurrences);
    }

    public static ClientActivity of(Instant... occurrences) {
        return new ClientActivity(List.of(occurrences));
    }
}
