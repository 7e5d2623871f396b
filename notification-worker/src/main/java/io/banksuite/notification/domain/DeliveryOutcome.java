package io.banksuite.notification.domain;

import java.util.Objects;

/** What one attempt to hand a notification to the provider achieved. */
public sealed interface DeliveryOutcome {

    static DeliveryOutcome sent() {
        return Sent.INSTANCE;
    }

    static DeliveryOutcome transientFailure(String reason) {
        return new Failed(FailureClass.TRANSIENT, reason);
    }

    static DeliveryOutcome permanentFailure(String reason) {
        return new Failed(FailureClass.PERMANENT, reason);
    }

    /** The provider accepted the notification. */
    enum Sent implements DeliveryOutcome {
        INSTANCE
    }

    /** The provider did not accept it; {@code reason} is for operators (it ends up in the DLQ headers). */
    record Failed(FailureClass failureClass, String reason) implements DeliveryOutcome {
        public Failed {
            Objects.requireNonNull(failureClass, "failureClass");
            Objects.requireNonNull(reason, "reason");
            if (failureClass == FailureClass.POISON) {
                throw new IllegalArgumentException("a provider never sees a poison message");
            }
        }
    }
}
