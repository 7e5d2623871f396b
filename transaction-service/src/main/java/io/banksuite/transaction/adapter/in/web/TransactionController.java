package io.banksuite.transaction.adapter.in.web;

import io.banksuite.transaction.application.TransactionService;
import io.banksuite.transaction.domain.TransactionDraft;
import io.banksuite.transaction.domain.TransactionValidator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

import java.util.UUID;

/**
 * The transactions API. Errors are RFC 9457 problem details ({@link ApiExceptionHandler}). Query and path
 * parameters are checked by Bean Validation; the body by {@link StrictJsonBody} (unknown fields, JSON types) and
 * {@link TransactionValidator}, each naming every bad field.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
public class TransactionController {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** Set on a response that returns the transaction an earlier request with the same key created. */
    public static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";
    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 100;

    private final TransactionService transactions;
    private final StrictJsonBody strictJson;
    private final TransactionValidator validator = new TransactionValidator();

    public TransactionController(TransactionService transactions, StrictJsonBody strictJson) {
        this.transactions = transactions;
        this.strictJson = strictJson;
    }

    /** 201 with the new transaction; 200 with the original one when the idempotency key was already used. */
    @PostMapping(path = "/transactions", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<TransactionResponse> create(
            @RequestBody JsonNode body,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            UriComponentsBuilder uri) {
        var request = strictJson.read(body, TransactionDraft.class,
                draft -> validator.validate(draft, idempotencyKey));
        var creation = transactions.create(request.transaction(), request.idempotencyKey());
        var response = TransactionResponse.of(creation.transaction());
        var location = uri.path("/api/v1/transactions/{id}").buildAndExpand(response.id()).toUri();
        if (!creation.created()) {
            return ResponseEntity.ok().location(location).header(IDEMPOTENT_REPLAYED, "true").body(response);
        }
        return ResponseEntity.status(HttpStatus.CREATED).location(location).body(response);
    }

    @GetMapping("/transactions/{id}")
    public TransactionResponse get(@PathVariable UUID id) {
        return TransactionResponse.of(transactions.get(id));
    }

    /** The client's transactions, newest first, {@code limit} at a time; follow {@code nextCursor} for more. */
    @GetMapping("/clients/{clientId}/transactions")
    public TransactionPageResponse listByClient(
            @PathVariable @Size(max = TransactionValidator.MAX_CLIENT_ID_LENGTH)
            @Pattern(regexp = TransactionValidator.CLIENT_ID_PATTERN) String clientId,
            @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) @Min(1) @Max(MAX_PAGE_SIZE) int limit,
            @RequestParam(required = false) @Size(max = 64) String cursor) {
        var page = transactions.listByClient(clientId, PageCursor.decode(cursor), limit);
        return new TransactionPageResponse(
                page.items().stream().map(TransactionResponse::of).toList(),
                limit,
                page.nextBefore().isPresent() ? PageCursor.encode(page.nextBefore().getAsLong()) : null);
    }
}
