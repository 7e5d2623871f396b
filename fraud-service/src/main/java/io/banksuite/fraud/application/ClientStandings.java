package io.banksuite.fraud.application;

import io.banksuite.fraud.application.port.out.ClientStandingStore;
import io.banksuite.fraud.domain.ClientStanding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps each client's status and limits as transaction-service announces them, in the caller's transaction (the
 * inbox's), so that transactions are screened against what was in force when they occurred.
 */
@Service
public class ClientStandings {

    private static final Logger log = LoggerFactory.getLogger(ClientStandings.class);

    private final ClientStandingStore store;

    public ClientStandings(ClientStandingStore store) {
        this.store = store;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void apply(ClientStanding change) {
        store.record(change);
        log.info("Client {}: {} version {} in force from {}", change.clientId(),
                change instanceof ClientStanding.StatusChange status ? "status " + status.status() : "limits",
                change.version(), change.effectiveAt());
    }
}
