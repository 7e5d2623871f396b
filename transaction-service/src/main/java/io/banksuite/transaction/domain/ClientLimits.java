package io.banksuite.transaction.domain;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every limit of a client, one per currency, sorted by currency code. A currency that is not listed has no limit;
 * an empty list lifts every limit.
 */
public record ClientLimits(List<CurrencyLimit> byCurrency) implements ClientState {

    public ClientLimits {
        byCurrency = byCurrency.stream()
                .sorted(Comparator.comparing(limit -> limit.currency().getCurrencyCode()))
                .toList();
        if (byCurrency.stream().map(CurrencyLimit::currency).distinct().count() != byCurrency.size()) {
            throw new IllegalArgumentException("One limit per currency: " + byCurrency);
        }
    }

    @Override
    public String canonicalText() {
        return byCurrency.stream()
                .map(limit -> limit.currency().getCurrencyCode() + "=" + limit.singleTransactionMinor() + "/"
                        + limit.dailyMinor())
                .collect(Collectors.joining("\u001f", "limits\u001f", ""));
    }
}
