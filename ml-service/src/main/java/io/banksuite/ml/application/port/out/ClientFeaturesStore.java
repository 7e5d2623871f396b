package io.banksuite.ml.application.port.out;

import java.util.List;
import java.util.Optional;

import io.banksuite.ml.domain.CurrencyFeatures;

/** Where a client's features are kept: one entry per client and currency. */
public interface ClientFeaturesStore {

    /** The entry, locked until the end of the current transaction. */
    Optional<CurrencyFeatures> findForUpdate(String clientId, String currency);

    /** Every entry of the client, by currency. */
    List<CurrencyFeatures> findByClient(String clientId);

    /** The first entry of a client and currency; a concurrent first insert fails. */
    void insert(CurrencyFeatures features);

    void update(CurrencyFeatures features);
}
