package io.banksuite.relay.application.port.out;

import io.banksuite.outbox.OutboxRecord;

import java.util.List;
import java.util.Optional;

/**
 * What publishing a batch achieved.
 *
 * @param acknowledged ids of the rows the broker acknowledged, the batch's prefix in id order up to the first
 *                     failure: only these may be marked sent
 * @param failure      the first row (in id order) that could not be published, and why
 */
public record PublishOutcome(List<Long> acknowledged, Optional<Failure> failure) {

    public record Failure(OutboxRecord row, Throwable cause) {
    }
}
