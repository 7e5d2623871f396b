package io.banksuite.analytics.totals;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Adds one transaction to its minute's totals: the effect of a {@code TransactionCreated} event. */
@Service
public class MinuteTotalsRecorder {

    private final MinuteTotalsRepository repository;

    public MinuteTotalsRecorder(MinuteTotalsRepository repository) {
        this.repository = repository;
    }

    /** Runs in the inbox's transaction, so the totals and the dedup row commit together. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Contribution contribution) {
        repository.add(contribution.bucket(), contribution.amountMinor());
    }
}
