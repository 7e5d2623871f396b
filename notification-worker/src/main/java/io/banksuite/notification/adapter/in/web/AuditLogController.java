package io.banksuite.notification.adapter.in.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.banksuite.notification.application.AuditLog;
import io.banksuite.notification.domain.AuditedAlert;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Read side of the audit log: {@code GET /api/v1/audit/alerts?transactionId=…} (every entry about a transaction,
 * oldest first) or {@code ?clientId=…&limit=N} (a client's newest first, 1..1000, default 100). Exactly one of
 * {@code transactionId} and {@code clientId}; anything else is a 400 problem naming the parameter.
 */
@RestController
@RequestMapping("/api/v1/audit/alerts")
public class AuditLogController {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final AuditLog auditLog;

    public AuditLogController(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @GetMapping
    public List<AuditedAlert> alerts(@RequestParam(required = false) @Nullable UUID transactionId,
                                     @RequestParam(required = false) @Nullable String clientId,
                                     @RequestParam(required = false) @Nullable Integer limit) {
        if ((transactionId == null) == (clientId == null || clientId.isBlank())) {
            throw new BadParameterException(transactionId == null ? "transactionId" : "clientId",
                    "give exactly one of transactionId and clientId");
        }
        if (transactionId != null) {
            return auditLog.forTransaction(transactionId);
        }
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            throw new BadParameterException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return auditLog.forClient(clientId, limit == null ? DEFAULT_LIMIT : limit);
    }

    @ExceptionHandler(BadParameterException.class)
    ProblemDetail badParameter(BadParameterException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid request: " + e.name);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(Map.of("field", e.name, "message", e.getMessage())));
        return problem;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return badParameter(new BadParameterException(e.getName(), e.getName().equals("limit")
                ? "must be a whole number" : "must be a UUID"));
    }

    static class BadParameterException extends RuntimeException {

        private final String name;

        BadParameterException(String name, String message) {
            super(message);
            this.name = name;
        }
    }
}
