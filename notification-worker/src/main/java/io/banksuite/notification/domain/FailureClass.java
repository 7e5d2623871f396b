package io.banksuite.notification.domain;

/** Why a delivery attempt failed, which decides whether trying again can help. */
public enum FailureClass {
    /** The provider or the network may recover (5xx, 408, 429, timeouts, connection errors): retry later. */
    TRANSIENT,
    /** The provider rejected the request itself (4xx other than 408/429): retrying the same request cannot help. */
    PERMANENT,
    /** The message body is not a valid job: nothing can be sent, an operator must look at it. */
    POISON
}
