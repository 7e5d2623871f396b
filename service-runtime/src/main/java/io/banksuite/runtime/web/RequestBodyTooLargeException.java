package io.banksuite.runtime.web;

import java.io.IOException;

/**
 * A request body (sent without a {@code Content-Length}, or with a false one) grew past the limit while it was read.
 * It surfaces wrapped in whatever read the body (an {@code HttpMessageNotReadableException}); a service's error
 * handler answers 413 when it finds this in the causes ({@link RequestBodyLimitFilter#tooLarge(Throwable)}).
 */
public class RequestBodyTooLargeException extends IOException {

    public RequestBodyTooLargeException(long limit) {
        super("The request body is larger than " + limit + " bytes");
    }
}
