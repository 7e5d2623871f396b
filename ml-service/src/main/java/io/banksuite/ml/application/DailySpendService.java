package io.banksuite.ml.application;

import java.time.LocalDate;
import java.util.List;

import io.banksuite.ml.application.port.out.DailySpendStore;
import io.banksuite.ml.domain.DailySpend;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The "spend so far today" feature: what the daily-spend stream reported, kept per client, day and currency. */
@Service
public class DailySpendService {

    private final DailySpendStore store;

    public DailySpendService(DailySpendStore store) {
        this.store = store;
    }

    /** The effect of a {@code client.daily-spend} record; joins the inbox's transaction, so both commit together. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(DailySpend spend) {
        store.keepIfHigher(spend);
    }

    /** The client's spend on {@code day}, one entry per currency; empty if none was reported. */
    @Transactional(readOnly = true)
    public List<DailySpend> spendOn(String clientId, LocalDate day) {
        return store.find(clientId, day);
    }
}
