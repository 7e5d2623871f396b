package io.banksuite.fraud.adapter.in.web;

import io.banksuite.fraud.application.FraudDecisions;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read access to fraud decisions. Errors are RFC 9457 problem details (spring.mvc.problemdetails.enabled). */
@RestController
@RequestMapping("/api/v1/fraud/decisions")
public class DecisionController {

    static final int MAX_LIMIT = 500;

    private final FraudDecisions decisions;

    public DecisionController(FraudDecisions decisions) {
        this.decisions = decisions;
    }

    @GetMapping("/{transactionId}")
    public DecisionView decision(@PathVariable UUID transactionId) {
        return decisions.of(transactionId)
                .map(DecisionView::of)
                .orElseThrow(() -> notFound(transactionId));
    }

    /** The latest decisions, newest first; {@code flagged} narrows to flagged or to clean ones. */
    @GetMapping
    public List<DecisionView> latest(@RequestParam Optional<Boolean> flagged,
                                     @RequestParam(defaultValue = "50") @Min(1) @Max(MAX_LIMIT) int limit) {
        return decisions.latest(flagged, limit).stream().map(DecisionView::of).toList();
    }

    private static ErrorResponseException notFound(UUID transactionId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No fraud decision for transaction " + transactionId);
        problem.setTitle("Decision not found");
        problem.setProperty("transactionId", transactionId.toString());
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }
}
