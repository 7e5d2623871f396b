package io.banksuite.ml.features;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Applies one transaction to its client's features: the effect of a {@code TransactionCreated} event. */
@Service
public class FeatureRecorder {

    private final ClientFeaturesRepository repository;

    public FeatureRecorder(ClientFeaturesRepository repository) {
        this.repository = repository;
    }

    /** Runs in the inbox's transaction, so the feature update and the dedup row commit together. */
    @Transactional(propagation = Propagation.MANDATORY)
    public CurrencyFeatures record(TransactionObservation transaction) {
        var current = repository.findForUpdate(transaction.clientId(), transaction.currency());
        CurrencyFeatures next = FeatureMaths.observe(current.orElse(null), transaction);
        if (current.isPresent()) {
            repository.update(next);
        } else {
            repository.insert(next);
        }
        return next;
    }
}
