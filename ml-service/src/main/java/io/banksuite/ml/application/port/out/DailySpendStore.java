package io.banksuite.ml.application.port.out;

import java.time.LocalDate;
import java.util.List;

import io.banksuite.ml.domain.DailySpend;

/** Where each client's spend per day and currency is kept, as the daily-spend stream last reported it. */
public interface DailySpendStore {

    /**
     * Keeps the spend unless one with the same or a higher count is kept already (a record replayed from a
     * dead-letter topic after newer ones, say): the count only grows within a day.
     *
     * @return whether it was kept
     */
    boolean keepIfHigher(DailySpend spend);

    /** The client's spend on that day, one entry per currency, by currency. */
    List<DailySpend> find(String clientId, LocalDate day);
}
