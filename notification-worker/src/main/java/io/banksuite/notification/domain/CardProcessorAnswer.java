package io.banksuite.notification.domain;

import java.util.Objects;

/** What the card processor said to one charge call. */
public sealed interface CardProcessorAnswer {

    /** The money was taken. */
    record Approved(String reference) implements CardProcessorAnswer {
        public Approved {
            Objects.requireNonNull(reference, "reference");
        }
    }

    /** The processor refused the charge: final, never retried. */
    record Declined(String reference, String reason) implements CardProcessorAnswer {
    }

    /** No answer to act on (down, timed out, a bad request of ours): nothing was charged by this call. */
    record Failed(FailureClass failureClass, String reason) implements CardProcessorAnswer {
    }

    /**
     * The answer an HTTP status means. 2xx approved and 402 declined are read with their body by the adapter;
     * here the rest: 408, 425, 429 and 5xx are transient (the processor may answer later), any other status
     * (3xx, 4xx) permanent (a request it will never take).
     */
    static Failed failureOf(int status) {
        boolean transientStatus = status >= 500 || status == 408 || status == 425 || status == 429;
        return new Failed(transientStatus ? FailureClass.TRANSIENT : FailureClass.PERMANENT,
                "card processor answered HTTP " + status);
    }
}
