package io.banksuite.fraud.application.port.out;

import java.util.UUID;

import io.banksuite.fraud.domain.TransactionFacts;

/**
 * Asks for a card payment that fraud let through to be charged. Called inside the transaction that stores the
 * decision: the request commits or rolls back with it (the implementation writes to the outbox).
 */
public interface ChargeRequester {

    /**
     * @param transaction a card payment ({@code card()} set) that was not flagged
     * @param traceparent W3C traceparent that came with the event, or null; the charge continues that trace
     * @return the request's charge id
     */
    UUID requestCharge(TransactionFacts transaction, String traceparent);
}
