package io.banksuite.ml.adapter.in.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.banksuite.ml.application.ClientFeaturesService;
import io.banksuite.ml.domain.ClientProfile;
import io.banksuite.ml.domain.CurrencyFeatures;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A client's features, one entry per currency. */
@RestController
@RequestMapping("/api/v1/clients")
public class ClientFeaturesController {

    private final ClientFeaturesService features;

    public ClientFeaturesController(ClientFeaturesService features) {
        this.features = features;
    }

    /** One row of features per currency; each carries the client's segment and status once they are known. */
    @GetMapping("/{clientId}/features")
    public List<CurrencyFeaturesView> features(@PathVariable String clientId) {
        var found = features.featuresOf(clientId);
        if (found.byCurrency().isEmpty()) {
            throw new UnknownClientException(clientId);
        }
        return found.byCurrency().stream().map(f -> CurrencyFeaturesView.of(f, found.profile())).toList();
    }

    /**
     * @param averageMinor the average amount in minor units, 2 decimal places, rounded half-even
     * @param segment      the client's segment, absent until its profile arrived
     * @param status       the client's status (ACTIVE, BLOCKED), absent until its profile arrived
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CurrencyFeaturesView(String clientId, String currency, long count, long sumMinor,
                                       BigDecimal averageMinor, Instant lastSeenAt, String segment, String status) {

        static CurrencyFeaturesView of(CurrencyFeatures f, Optional<ClientProfile> profile) {
            return new CurrencyFeaturesView(f.clientId(), f.currency(), f.count(), f.sumMinor(), f.averageMinor(),
                    f.lastSeenAt(), profile.map(ClientProfile::segment).orElse(null),
                    profile.map(ClientProfile::status).orElse(null));
        }
    }

    /** 404 as RFC 9457 problem details. */
    static class UnknownClientException extends ErrorResponseException {

        UnknownClientException(String clientId) {
            super(HttpStatus.NOT_FOUND, problem(clientId), null);
        }

        private static ProblemDetail problem(String clientId) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                    "No transactions seen for client " + clientId);
            problem.setTitle("Unknown client");
            problem.setProperty("clientId", clientId);
            return problem;
        }
    }
}
