package io.banksuite.fraud.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.banksuite.fraud.domain.ClientHistory.EarlierTransaction;
import org.junit.jupiter.api.Test;

/** The rules on the client's own limits and status, as in force when the transaction occurred. */
class ClientLimitRulesTest {

    private static final Instant T0 = Instant.parse("2026-11-27T14:00:00Z");
    private static final SpendingLimit EUR = new SpendingLimit("EUR", 100_00, 250_00);

    private final SingleTransactionLimitRule single = new SingleTransactionLimitRule();
    private final DailyLimitRule daily = new DailyLimitRule();
    private final BlockedClientRule blocked = new BlockedClientRule();

    @Test
    void anAmountStrictlyOverTheSingleTransactionLimitIsFlagged() {
        ClientHistory history = ClientHistory.NONE.withLimit(EUR);

        assertThat(single.evaluate(tx(100_00, "EUR", T0), history)).isEmpty();
        assertThat(single.evaluate(tx(100_01, "EUR", T0), history))
                .contains(FraudReason.SINGLE_TRANSACTION_LIMIT_EXCEEDED);
    }

    @Test
    void aLimitHoldsOnlyInItsCurrencyAndNoLimitMeansNoFlag() {
        assertThat(single.evaluate(tx(1_000_00, "USD", T0), ClientHistory.NONE.withLimit(EUR))).isEmpty();
        assertThat(single.evaluate(tx(1_000_00, "EUR", T0), ClientHistory.NONE)).isEmpty();
        assertThat(daily.evaluate(tx(1_000_00, "EUR", T0), ClientHistory.NONE)).isEmpty();
    }

    @Test
    void theDaysTotalInTheCurrencyUpToThisTransactionCountsAgainstTheDailyLimit() {
        ClientHistory history = new ClientHistory(List.of(
                new EarlierTransaction(T0.minusSeconds(3600), 100_00, "EUR"),
                new EarlierTransaction(T0.minusSeconds(60), 100_00, "EUR"),
                new EarlierTransaction(T0.minusSeconds(30), 999_00, "USD")),
                java.util.Optional.empty(), java.util.Optional.of(EUR));

        assertThat(daily.evaluate(tx(50_00, "EUR", T0), history)).as("exactly the limit").isEmpty();
        assertThat(daily.evaluate(tx(50_01, "EUR", T0), history)).contains(FraudReason.DAILY_LIMIT_EXCEEDED);
    }

    @Test
    void theDailyTotalStartsAgainAtUtcMidnightAndIgnoresLaterTransactions() {
        Instant justAfterMidnight = Instant.parse("2026-11-28T00:00:05Z");
        ClientHistory history = new ClientHistory(List.of(
                new EarlierTransaction(Instant.parse("2026-11-27T23:59:59Z"), 200_00, "EUR"),
                // occurred later than the transaction under review, though it arrived first
                new EarlierTransaction(justAfterMidnight.plusSeconds(60), 200_00, "EUR")),
                java.util.Optional.empty(), java.util.Optional.of(EUR));

        assertThat(daily.evaluate(tx(100_00, "EUR", justAfterMidnight), history)).isEmpty();
        assertThat(daily.lookback()).isEqualTo(java.time.Duration.ofDays(1));
    }

    @Test
    void everyTransactionOfABlockedClientIsFlagged() {
        assertThat(blocked.evaluate(tx(1, "EUR", T0), ClientHistory.NONE.withStatus(ClientStatus.BLOCKED)))
                .contains(FraudReason.CLIENT_BLOCKED);
        assertThat(blocked.evaluate(tx(1, "EUR", T0), ClientHistory.NONE.withStatus(ClientStatus.ACTIVE))).isEmpty();
        assertThat(blocked.evaluate(tx(1, "EUR", T0), ClientHistory.NONE)).isEmpty();
    }

    private static TransactionFacts tx(long amountMinor, String currency, Instant at) {
        return new TransactionFacts(UUID.randomUUID(), UUID.randomUUID(), "c-1", amountMinor, currency, at);
    }
}
