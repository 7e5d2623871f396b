package io.banksuite.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProviderResponseClassifierTest {

    @ParameterizedTest
    @ValueSource(ints = {200, 201, 202, 204, 299})
    void twoHundredsMeanSent(int status) {
        assertThat(ProviderResponseClassifier.classify(status)).isEqualTo(DeliveryOutcome.sent());
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 405, 409, 410, 413, 415, 422, 499})
    void clientErrorsArePermanent(int status) {
        assertThat(failureClassOf(status)).isEqualTo(FailureClass.PERMANENT);
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 429})
    void timeoutAndRateLimitAreTransient(int status) {
        assertThat(failureClassOf(status)).isEqualTo(FailureClass.TRANSIENT);
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504, 599})
    void serverErrorsAreTransient(int status) {
        assertThat(failureClassOf(status)).isEqualTo(FailureClass.TRANSIENT);
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 302, 307, 308})
    void redirectsArePermanentBecauseTheUrlIsWrong(int status) {
        assertThat(failureClassOf(status)).isEqualTo(FailureClass.PERMANENT);
    }

    @ParameterizedTest
    @ValueSource(ints = {100, 600, 999})
    void nonStandardStatusesAreTransient(int status) {
        assertThat(failureClassOf(status)).isEqualTo(FailureClass.TRANSIENT);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 503})
    void reasonNamesTheStatus(int status) {
        var failed = (DeliveryOutcome.Failed) ProviderResponseClassifier.classify(status);
        assertThat(failed.reason()).contains("HTTP " + status);
    }

    private static FailureClass failureClassOf(int status) {
        DeliveryOutcome outcome = ProviderResponseClassifier.classify(status);
        assertThat(outcome).isInstanceOf(DeliveryOutcome.Failed.class);
        return ((DeliveryOutcome.Failed) outcome).failureClass();
    }
}
