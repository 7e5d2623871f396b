package io.banksuite.notification.domain;

import java.util.List;

/**
 * Context of one delivery attempt.
 *
 * @param number      1 for the first attempt, incremented by every retry tier the job went through
 * @param traceparent W3C trace context received with the job, forwarded to the provider; may be null
 * @param traceId     the trace id part of {@code traceparent}, for logs and the sent record; may be null
 * @param retriedVia  retry queues the broker reports the job has expired from (x-death), in tier order
 */
public record DeliveryAttempt(int number, String traceparent, String traceId, List<String> retriedVia) {

    public DeliveryAttempt {
        if (number < 1) {
            throw new IllegalArgumentException("attempt number must be >= 1, was " + number);
        }
        retriedVia = retriedVia == null ? List.of() : List.copyOf(retriedVia);
    }
}
