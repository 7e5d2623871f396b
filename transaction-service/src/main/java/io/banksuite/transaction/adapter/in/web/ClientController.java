package io.banksuite.transaction.adapter.in.web;

import java.util.function.Function;

import io.banksuite.transaction.application.ClientService;
import io.banksuite.transaction.domain.ClientRequestValidator;
import io.banksuite.transaction.domain.ClientState;
import io.banksuite.transaction.domain.LimitsDraft;
import io.banksuite.transaction.domain.ProfileDraft;
import io.banksuite.transaction.domain.TransactionValidator;
import io.banksuite.transaction.domain.Versioned;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * A client's profile and limits. Each PUT replaces the whole resource and answers with its version as the ETag:
 * 201 for the first version, 200 for a new one or for the state that already stood (nothing written), 200 with
 * {@code Idempotent-Replayed: true} for a retry with the same Idempotency-Key. Changing an existing resource needs
 * If-Match with its current ETag: without it 428, with a stale one 412. Errors are RFC 9457 problem details.
 */
@RestController
@RequestMapping(path = "/api/v1/clients/{clientId}", produces = MediaType.APPLICATION_JSON_VALUE)
public class ClientController {

    private final ClientService clients;
    private final StrictJsonBody strictJson;
    private final ClientRequestValidator validator = new ClientRequestValidator();

    public ClientController(ClientService clients, StrictJsonBody strictJson) {
        this.clients = clients;
        this.strictJson = strictJson;
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ClientProfileResponse> putProfile(
            @PathVariable String clientId,
            @RequestBody JsonNode body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
            @RequestHeader(name = TransactionController.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            UriComponentsBuilder uri) {
        var change = strictJson.read(body, ProfileDraft.class,
                draft -> validator.profile(clientId, draft, idempotencyKey));
        var precondition = EntityTags.precondition(ifMatch, ifNoneMatch);
        return answer(clients.putProfile(change, precondition), ClientProfileResponse::of,
                uri.path("/api/v1/clients/{clientId}").buildAndExpand(clientId).toUriString());
    }

    @GetMapping
    public ResponseEntity<ClientProfileResponse> getProfile(
            @PathVariable @Size(max = TransactionValidator.MAX_CLIENT_ID_LENGTH)
            @Pattern(regexp = TransactionValidator.CLIENT_ID_PATTERN) String clientId,
            WebRequest request) {
        return current(clients.profile(clientId), ClientProfileResponse::of, request);
    }

    @PutMapping(path = "/limits", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ClientLimitsResponse> putLimits(
            @PathVariable String clientId,
            @RequestBody JsonNode body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
            @RequestHeader(name = TransactionController.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            UriComponentsBuilder uri) {
        var change = strictJson.read(body, LimitsDraft.class,
                draft -> validator.limits(clientId, draft, idempotencyKey));
        var precondition = EntityTags.precondition(ifMatch, ifNoneMatch);
        return answer(clients.putLimits(change, precondition), ClientLimitsResponse::of,
                uri.path("/api/v1/clients/{clientId}/limits").buildAndExpand(clientId).toUriString());
    }

    @GetMapping("/limits")
    public ResponseEntity<ClientLimitsResponse> getLimits(
            @PathVariable @Size(max = TransactionValidator.MAX_CLIENT_ID_LENGTH)
            @Pattern(regexp = TransactionValidator.CLIENT_ID_PATTERN) String clientId,
            WebRequest request) {
        return current(clients.limits(clientId), ClientLimitsResponse::of, request);
    }

    private static <S extends ClientState, R> ResponseEntity<R> answer(
            ClientService.Change<S> change, Function<Versioned<S>, R> body, String location) {
        var response = switch (change.outcome()) {
            case CREATED -> ResponseEntity.status(HttpStatus.CREATED).header(HttpHeaders.LOCATION, location);
            case UPDATED, UNCHANGED -> ResponseEntity.ok();
            case REPLAYED -> ResponseEntity.ok().header(TransactionController.IDEMPOTENT_REPLAYED, "true");
        };
        return response.eTag(EntityTags.of(change.version().version())).body(body.apply(change.version()));
    }

    /** 304 when the client's If-None-Match already names the current version. */
    private static <S extends ClientState, R> ResponseEntity<R> current(Versioned<S> version,
                                                                       Function<Versioned<S>, R> body,
                                                                       WebRequest request) {
        String etag = EntityTags.of(version.version());
        if (request.checkNotModified(etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
        }
        return ResponseEntity.ok().eTag(etag).body(body.apply(version));
    }
}
