package io.banksuite.transaction.application;

import java.util.UUID;

import io.banksuite.schemas.charge.ChargeOutcome;
import io.banksuite.transaction.application.port.out.TransactionStore;
import io.banksuite.transaction.domain.Transaction;
import io.banksuite.transaction.domain.TransactionStatus;
import io.banksuite.transaction.domain.UnapplicableOutcomeException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies notification-worker's charge outcomes to the transactions they charged for, idempotently: the first
 * outcome moves a CREATED card payment to its final status, the same outcome again (a redelivery, a republish)
 * changes nothing, and anything else is refused.
 */
@Service
public class ChargeOutcomeService {

    /** What applying an outcome did. */
    public enum Applied {
        /** The transaction's status changed now. */
        APPLIED,
        /** The same outcome had been applied before: nothing changed. */
        ALREADY_APPLIED
    }

    private final TransactionStore transactions;

    public ChargeOutcomeService(TransactionStore transactions) {
        this.transactions = transactions;
    }

    /** @throws UnapplicableOutcomeException when the outcome fits no transaction, or contradicts the one applied */
    @Transactional
    public Applied apply(ChargeOutcome outcome) {
        UUID id = outcome.transactionId();
        TransactionStatus status = TransactionStatus.valueOf(outcome.status());
        var applied = new Transaction.ChargeOutcome(outcome.chargeId(), outcome.reason(), outcome.decidedAt());
        if (transactions.applyOutcome(id, status, applied)) {
            return Applied.APPLIED;
        }
        Transaction current = transactions.findById(id).orElseThrow(() ->
                new UnapplicableOutcomeException("no transaction " + id));
        if (current.cardId() == null) {
            throw new UnapplicableOutcomeException("transaction " + id + " is no card payment");
        }
        if (current.outcome() != null && current.status() == status
                && current.outcome().chargeId().equals(outcome.chargeId())) {
            return Applied.ALREADY_APPLIED;
        }
        throw new UnapplicableOutcomeException("transaction " + id + " is " + current.status() + " by charge "
                + (current.outcome() == null ? "none" : current.outcome().chargeId()) + "; this outcome says "
                + status + " by charge " + outcome.chargeId());
    }
}
