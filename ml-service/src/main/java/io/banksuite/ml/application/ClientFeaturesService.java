package io.banksuite.ml.application;

import java.util.List;

import io.banksuite.ml.application.port.out.ClientFeaturesStore;
import io.banksuite.ml.domain.CurrencyFeatures;
import io.banksuite.ml.domain.FeatureMaths;
import io.banksuite.ml.domain.TransactionObservation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** A client's features: each transaction applied to them once, and what they are now. */
@Service
public class ClientFeaturesService {

    private final ClientFeaturesStore store;

    public ClientFeaturesService(ClientFeaturesStore store) {
        this.store = store;
    }

    /** The effect of a {@code TransactionCreated} event; joins the inbox's transaction, so both commit together. */
    @Transactional(propagation = Propagation.MANDATORY)
    public CurrencyFeatures record(TransactionObservation transaction) {
        var current = store.findForUpdate(transaction.clientId(), transaction.currency());
        CurrencyFeatures next = FeatureMaths.observe(current.orElse(null), transaction);
        if (current.isPresent()) {
            store.update(next);
        } else {
            store.insert(next);
        }
        return next;
    }

    /** The client's features, one entry per currency; empty for a client never seen. */
    @Transactional(readOnly = true)
    public List<CurrencyFeatures> featuresOf(String clientId) {
        return store.findByClient(clientId);
    }
}
