package io.banksuite.analytics.adapter.in.web;

import java.time.Instant;
import java.util.List;

import io.banksuite.analytics.application.MinuteTotalsService;
import io.banksuite.analytics.domain.MinuteTotal;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Per-minute totals over a bounded time range. */
@RestController
@RequestMapping("/api/v1/analytics")
public class MinuteTotalsController {

    private final MinuteTotalsService totals;
    private final AnalyticsApiProperties properties;

    public MinuteTotalsController(MinuteTotalsService totals, AnalyticsApiProperties properties) {
        this.totals = totals;
        this.properties = properties;
    }

    /**
     * The totals of the minutes in {@code [from, to)}, ordered by minute, currency and merchant category.
     *
     * @param from ISO-8601 instant, inclusive (e.g. 2026-11-27T14:00:00Z)
     * @param to   ISO-8601 instant, exclusive; at most {@code analytics.api.max-range} after {@code from}
     */
    @GetMapping("/minutes")
    public List<MinuteTotal> minutes(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                                     @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        if (!from.isBefore(to)) {
            throw new InvalidRangeException("'from' must be before 'to' (from=" + from + ", to=" + to + ")");
        }
        if (from.plus(properties.maxRange()).isBefore(to)) {
            throw new InvalidRangeException("The range may span at most " + properties.maxRange() + " (from=" + from
                    + ", to=" + to + ")");
        }
        return totals.between(from, to);
    }

    /** 400 as RFC 9457 problem details. */
    static class InvalidRangeException extends ErrorResponseException {

        InvalidRangeException(String detail) {
            super(HttpStatus.BAD_REQUEST, problem(detail), null);
        }

        private static ProblemDetail problem(String detail) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
            problem.setTitle("Invalid time range");
            return problem;
        }
    }
}
