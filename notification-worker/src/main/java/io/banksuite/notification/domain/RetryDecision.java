package io.banksuite.notification.domain;

/** What to do with a job whose delivery attempt failed. */
public sealed interface RetryDecision {

    /**
     * Park the job in retry tier {@code tierIndex} and deliver it again when the tier's delay has passed.
     *
     * @param nextRetryCount the retry count the republished message carries
     */
    record RetryLater(int tierIndex, String tierName, int nextRetryCount) implements RetryDecision {
    }

    /** Give up: move the job to the dead-letter queue, where an operator can inspect and replay it. */
    record DeadLetter(String reason) implements RetryDecision {
    }
}
