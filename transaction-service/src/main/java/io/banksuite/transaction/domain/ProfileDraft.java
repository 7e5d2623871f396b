package io.banksuite.transaction.domain;

/**
 * The body of {@code PUT /api/v1/clients/{clientId}}, as text, so that {@link ClientRequestValidator} names every bad
 * field at once.
 */
public record ProfileDraft(String status, String segment, String country) {
}
