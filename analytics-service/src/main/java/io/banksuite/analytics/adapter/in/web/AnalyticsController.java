package io.banksuite.analytics.adapter.in.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.banksuite.analytics.application.EventArchive;
import io.banksuite.analytics.domain.CountryTotal;
import io.banksuite.analytics.domain.MinuteTotal;
import io.banksuite.analytics.domain.TimeRange;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Totals of the transactions over a bounded time range, answered by ClickHouse. */
@RestController
@RequestMapping("/api/v1/analytics")
public class AnalyticsController {

    private final EventArchive archive;
    private final AnalyticsApiProperties properties;

    public AnalyticsController(EventArchive archive, AnalyticsApiProperties properties) {
        this.archive = archive;
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
        return archive.minuteTotals(range(from, to, properties.maxRange()));
    }

    /**
     * The totals per merchant country and currency of the transactions that occurred in {@code [from, to)}: months
     * of events summed in one scan of three columns, the kind of question a column store is for.
     *
     * @param to at most {@code analytics.api.max-country-range} after {@code from}
     */
    @GetMapping("/countries")
    public List<CountryTotal> countries(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                                        @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        return archive.countryTotals(range(from, to, properties.maxCountryRange()));
    }

    private static TimeRange range(Instant from, Instant to, Duration maxLength) {
        try {
            return TimeRange.of(from, to, maxLength);
        } catch (TimeRange.InvalidRangeException e) {
            throw new InvalidRangeException(e.getMessage());
        }
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
