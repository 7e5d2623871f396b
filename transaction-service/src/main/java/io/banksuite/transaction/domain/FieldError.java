package io.banksuite.transaction.domain;

/** One invalid field of a request, named as the client sent it. */
public record FieldError(String field, String message) {
}
