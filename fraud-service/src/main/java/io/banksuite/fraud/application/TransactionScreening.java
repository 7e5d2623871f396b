package io.banksuite.fraud.application;

import io.banksuite.fraud.application.port.out.ChargeRequester;
import io.banksuite.fraud.application.port.out.ClientActivityStore;
import io.banksuite.fraud.application.port.out.ClientStandingStore;
import io.banksuite.fraud.application.port.out.DecisionStore;
import io.banksuite.fraud.application.port.out.FraudAlertSender;
import io.banksuite.fraud.domain.ClientHistory;
import io.banksuite.fraud.domain.FraudDecision;
import io.banksuite.fraud.domain.FraudRules;
import io.banksuite.fraud.domain.TransactionFacts;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Screens one transaction: records it in the client's activity, applies the rules to it, the activity before it and
 * the client's status and limits in force when it occurred, stores the decision and, when flagged, the notification
 * job; a card payment that is not flagged gets a charge request instead. Everything joins the caller's transaction (the inbox's, which also holds the event's dedup row), so either all
 * of it commits or none does.
 */
@Service
public class TransactionScreening {

    private static final Logger log = LoggerFactory.getLogger(TransactionScreening.class);

    private final FraudRules rules;
    private final ClientActivityStore activity;
    private final ClientStandingStore standings;
    private final DecisionStore decisions;
    private final FraudAlertSender alerts;
    private final ChargeRequester charges;
    private final Clock clock;
    private final Counter flaggedDecisions;
    private final Counter cleanDecisions;

    public TransactionScreening(FraudRules rules, ClientActivityStore activity, ClientStandingStore standings,
                                DecisionStore decisions, FraudAlertSender alerts, ChargeRequester charges, Clock clock,
                                MeterRegistry meters) {
        this.rules = rules;
        this.activity = activity;
        this.standings = standings;
        this.decisions = decisions;
        this.alerts = alerts;
        this.charges = charges;
        this.clock = clock;
        this.flaggedDecisions = decisionCounter(meters, true);
        this.cleanDecisions = decisionCounter(meters, false);
    }

    /**
     * @param traceparent W3C traceparent that came with the event, or null
     * @return the decision, or empty when the transaction already had one (another event about it)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<FraudDecision> screen(TransactionFacts transaction, String traceparent) {
        var history = new ClientHistory(
                activity.between(transaction.clientId(), transaction.transactionId(),
                        transaction.occurredAt().minus(rules.lookback()), transaction.occurredAt()),
                standings.statusAt(transaction.clientId(), transaction.occurredAt()),
                standings.limitAt(transaction.clientId(), transaction.currency(), transaction.occurredAt()));
        activity.record(transaction);
        // Microseconds: what PostgreSQL keeps, so the stored decision and the job's createdAt agree exactly.
        FraudDecision decision = rules.decide(transaction, history, clock.instant().truncatedTo(ChronoUnit.MICROS));
        if (!decisions.insert(decision)) {
            log.info("Transaction {} already has a fraud decision; event {} changes nothing",
                    transaction.transactionId(), transaction.eventId());
            return Optional.empty();
        }
        if (decision.flagged()) {
            var jobId = alerts.alert(decision, traceparent);
            log.info("Transaction {} of client {} flagged {}; notification job {}", decision.transactionId(),
                    decision.clientId(), decision.reasons(), jobId);
        } else if (transaction.card() != null) {
            // A card payment let through is charged; a flagged one is not (it waits for the alert's outcome).
            var chargeId = charges.requestCharge(transaction, traceparent);
            log.debug("Transaction {} of client {} not flagged; charge request {}", decision.transactionId(),
                    decision.clientId(), chargeId);
        }
        countAfterCommit(decision.flagged() ? flaggedDecisions : cleanDecisions);
        return Optional.of(decision);
    }

    /** A rolled-back attempt (to be retried) must not count as a decision. */
    private static void countAfterCommit(Counter counter) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                counter.increment();
            }
        });
    }

    private static Counter decisionCounter(MeterRegistry meters, boolean flagged) {
        return Counter.builder("fraud.decisions")
                .description("Fraud decisions committed, by outcome")
                .tag("flagged", Boolean.toString(flagged))
                .register(meters);
    }
}
