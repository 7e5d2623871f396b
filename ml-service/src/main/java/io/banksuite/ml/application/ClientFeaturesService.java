package io.banksuite.ml.application;

import java.util.List;
import java.util.Optional;

import io.banksuite.ml.application.port.out.ClientFeaturesStore;
import io.banksuite.ml.application.port.out.ClientProfileStore;
import io.banksuite.ml.domain.ClientProfile;
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
    private final ClientProfileStore profiles;

    public ClientFeaturesService(ClientFeaturesStore store, ClientProfileStore profiles) {
        this.store = store;
        this.profiles = profiles;
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

    /** The effect of a {@code client.updated} event: the client's segment and status, unless a newer one is kept. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void profile(ClientProfile profile) {
        profiles.keepIfNewer(profile);
    }

    /** The client's features: one entry per currency, empty for a client never seen transacting; its profile. */
    @Transactional(readOnly = true)
    public ClientFeatures featuresOf(String clientId) {
        return new ClientFeatures(store.findByClient(clientId), profiles.find(clientId));
    }

    /** @param profile empty until a {@code client.updated} arrived */
    public record ClientFeatures(List<CurrencyFeatures> byCurrency, Optional<ClientProfile> profile) {
    }
}
