package io.banksuite.transaction.domain;

import java.util.List;

/**
 * The body of {@code PUT /api/v1/clients/{clientId}/limits}: every limit of the client, as text (amounts keep their
 * exact digits), so that {@link ClientRequestValidator} names every bad field at once.
 */
public record LimitsDraft(List<Entry> limits) {

    /** One currency's limits: {@code {"currency":"EUR","singleTransactionLimit":"1000.00","dailyLimit":"5000"}}. */
    public record Entry(String currency, String singleTransactionLimit, String dailyLimit) {
    }
}
