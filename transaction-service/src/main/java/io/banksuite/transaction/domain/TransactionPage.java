package io.banksuite.transaction.domain;

import java.util.List;
import java.util.OptionalLong;

/**
 * One page of a client's transactions, newest first.
 *
 * @param nextBefore the sequence to continue from (exclusive), empty on the last page
 */
public record TransactionPage(List<Transaction> items, OptionalLong nextBefore) {
}
