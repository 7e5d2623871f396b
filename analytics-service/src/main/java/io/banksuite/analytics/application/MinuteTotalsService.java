package io.banksuite.analytics.application;

import java.time.Instant;
import java.util.List;

import io.banksuite.analytics.application.port.out.MinuteTotalsStore;
import io.banksuite.analytics.domain.Contribution;
import io.banksuite.analytics.domain.MinuteTotal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The per-minute totals: each transaction added once, and what they are over a range. */
@Service
public class MinuteTotalsService {

    private final MinuteTotalsStore store;

    public MinuteTotalsService(MinuteTotalsStore store) {
        this.store = store;
    }

    /** The effect of a {@code TransactionCreated} event; joins the inbox's transaction, so both commit together. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Contribution contribution) {
        store.add(contribution.bucket(), contribution.amountMinor());
    }

    /** The totals of the minutes in {@code [from, to)}, by minute, currency and merchant category. */
    @Transactional(readOnly = true)
    public List<MinuteTotal> between(Instant from, Instant to) {
        return store.findBetween(from, to);
    }
}
