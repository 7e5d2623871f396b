package io.banksuite.ml.adapter.in.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.banksuite.ml.application.DailySpendService;
import io.banksuite.ml.domain.DailySpend;
import io.banksuite.ml.domain.DailySpendMaths;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A client's spend so far on one UTC day, per currency. A day without transactions is a spend of nothing, not an
 * unknown client: the answer is an empty list, so a scoring model reads "nothing spent yet today" the same way
 * every time. A {@code day} that is not {@code YYYY-MM-DD} is a 400 problem (RFC 9457).
 */
@RestController
@RequestMapping("/api/v1/clients")
public class DailySpendController {

    private final DailySpendService dailySpend;
    private final Clock clock;

    public DailySpendController(DailySpendService dailySpend, Clock clock) {
        this.dailySpend = dailySpend;
        this.clock = clock;
    }

    /** @param day the UTC day, today's by default */
    @GetMapping("/{clientId}/daily-spend")
    public DailySpendView dailySpend(@PathVariable String clientId,
                                     @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                     Optional<LocalDate> day) {
        LocalDate on = day.orElseGet(() -> DailySpendMaths.dayOf(clock.instant()));
        return new DailySpendView(clientId, on,
                dailySpend.spendOn(clientId, on).stream().map(CurrencySpendView::of).toList());
    }

    /** @param byCurrency one entry per currency the client spent in that day, by currency; empty if none */
    public record DailySpendView(String clientId, LocalDate day, List<CurrencySpendView> byCurrency) {
    }

    /**
     * @param count      the day's transactions in this currency
     * @param totalMinor their exact total, in the currency's minor units
     */
    public record CurrencySpendView(String currency, long count, long totalMinor) {

        static CurrencySpendView of(DailySpend spend) {
            return new CurrencySpendView(spend.currency(), spend.count(), spend.totalMinor());
        }
    }
}
