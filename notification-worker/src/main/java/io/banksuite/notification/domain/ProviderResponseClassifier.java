package io.banksuite.notification.domain;

/**
 * Maps a provider's HTTP status to an outcome. The rule: 2xx means accepted; a 4xx means the request itself is
 * wrong and sending it again cannot help, except 408 (the server gave up waiting) and 429 (rate limited), which are
 * about timing; 5xx means the provider is in trouble and may recover.
 */
public final class ProviderResponseClassifier {

    private ProviderResponseClassifier() {
    }

    public static DeliveryOutcome classify(int httpStatus) {
        if (httpStatus >= 200 && httpStatus < 300) {
            return DeliveryOutcome.sent();
        }
        if (httpStatus == 408 || httpStatus == 429) {
            return DeliveryOutcome.transientFailure("provider answered HTTP " + httpStatus);
        }
        if (httpStatus >= 400 && httpStatus < 500) {
            return DeliveryOutcome.permanentFailure("provider rejected the request with HTTP " + httpStatus);
        }
        if (httpStatus >= 300 && httpStatus < 400) {
            // Redirects are not followed: a redirecting webhook URL is a configuration error an operator must fix
            // (then replay the DLQ); retrying on a timer would only delay that.
            return DeliveryOutcome.permanentFailure("provider answered HTTP " + httpStatus
                    + " (redirect): check notification.provider.webhook.url");
        }
        // 5xx, and anything non-standard: assume the provider may recover; the retry tiers bound the cost.
        return DeliveryOutcome.transientFailure("provider answered HTTP " + httpStatus);
    }
}
