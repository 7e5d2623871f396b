package io.banksuite.transaction.adapter.in.web;

import java.util.List;

/**
 * One page of a client's transactions, newest first.
 *
 * @param nextCursor pass as {@code cursor} to get the next page; null on the last page
 */
public record TransactionPageResponse(List<TransactionResponse> items, int limit, String nextCursor) {
}
