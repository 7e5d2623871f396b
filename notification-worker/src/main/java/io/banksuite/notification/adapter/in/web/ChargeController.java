package io.banksuite.notification.adapter.in.web;

import java.util.UUID;

import io.banksuite.notification.application.port.out.ChargeStore;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Read side of the charges: a transaction's outcome; 404 while it has none (not asked, or still retrying). */
@RestController
@RequestMapping("/api/v1/charges")
public class ChargeController {

    private final ChargeStore store;

    public ChargeController(ChargeStore store) {
        this.store = store;
    }

    @GetMapping("/{transactionId}")
    public ResponseEntity<?> get(@PathVariable UUID transactionId) {
        return store.find(transactionId).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                    "No charge outcome for transaction " + transactionId);
            problem.setTitle("No charge outcome");
            return ResponseEntity.of(problem).build();
        });
    }
}
