package io.banksuite.transaction.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ClientRequestValidatorTest {

    private final ClientRequestValidator validator = new ClientRequestValidator();

    @Test
    void aValidProfileBecomesTheState() {
        var change = validator.profile("c-1", new ProfileDraft("BLOCKED", "PREMIUM_2", "FR"), "key-1");

        assertThat(change.clientId()).isEqualTo("c-1");
        assertThat(change.state()).isEqualTo(new ClientProfile(ClientStatus.BLOCKED, "PREMIUM_2", "FR"));
        assertThat(change.idempotencyKey()).contains("key-1");
    }

    @Test
    void everyBadProfileFieldIsNamedAtOnce() {
        var e = catchThrowableOfType(InvalidRequestException.class,
                () -> validator.profile("bad id!", new ProfileDraft("FROZEN", "retail", "XX"), "bad key"));

        assertThat(e.errors()).extracting(FieldError::field)
                .containsExactlyInAnyOrder("clientId", "Idempotency-Key", "status", "segment", "country");
        assertThat(e.errors()).filteredOn(error -> error.field().equals("status")).singleElement()
                .extracting(FieldError::message).asString().contains("ACTIVE, BLOCKED");
    }

    @Test
    void aMissingBodyOrFieldIsRequired() {
        assertThat(catchThrowableOfType(InvalidRequestException.class, () -> validator.profile("c-1", null, null))
                .errors()).containsExactly(new FieldError("body", "is required"));
        assertThat(catchThrowableOfType(InvalidRequestException.class,
                () -> validator.profile("c-1", new ProfileDraft(null, " ", null), null)).errors())
                .extracting(FieldError::field).containsExactly("status", "segment", "country");
    }

    @Test
    void validLimitsAreExactAndSortedByCurrency() {
        var change = validator.limits("c-1", new LimitsDraft(List.of(
                new LimitsDraft.Entry("USD", "100", "250.5"),
                new LimitsDraft.Entry("EUR", "1000.00", "1000"))), null);

        assertThat(change.state().byCurrency()).extracting(limit -> limit.currency().getCurrencyCode())
                .containsExactly("EUR", "USD");
        CurrencyLimit usd = change.state().byCurrency().get(1);
        assertThat(usd.singleTransaction()).isEqualTo(new BigDecimal("100.00"));
        assertThat(usd.singleTransactionMinor()).isEqualTo(10_000);
        assertThat(usd.dailyMinor()).isEqualTo(25_050);
        assertThat(change.idempotencyKey()).isEmpty();
    }

    @Test
    void anEmptyListLiftsEveryLimit() {
        assertThat(validator.limits("c-1", new LimitsDraft(List.of()), null).state().byCurrency()).isEmpty();
    }

    @Test
    void everyBadLimitIsNamedByItsPosition() {
        List<LimitsDraft.Entry> entries = new ArrayList<>(List.of(
                new LimitsDraft.Entry("EUR", "100.001", "5000"),
                new LimitsDraft.Entry("EUR", "10", "20"),
                new LimitsDraft.Entry("JPY", "500", "100"),
                new LimitsDraft.Entry("XAU", "1", "1"),
                new LimitsDraft.Entry("USD", "-1", null)));
        entries.add(null);

        var e = catchThrowableOfType(InvalidRequestException.class,
                () -> validator.limits("c-1", new LimitsDraft(entries), null));

        assertThat(e.errors()).extracting(FieldError::field).containsExactly(
                "limits[0].singleTransactionLimit",
                "limits[1].currency",
                "limits[2].dailyLimit",
                "limits[3].currency",
                "limits[4].singleTransactionLimit",
                "limits[4].dailyLimit",
                "limits[5]");
        assertThat(e.errors().get(1).message()).contains("listed twice");
        assertThat(e.errors().get(2).message()).contains("singleTransactionLimit");
    }

    @Test
    void limitsNeedAListAndAtMostFiftyCurrencies() {
        assertThat(catchThrowableOfType(InvalidRequestException.class,
                () -> validator.limits("c-1", new LimitsDraft(null), null)).errors())
                .extracting(FieldError::field).containsExactly("limits");
        var many = Collections.nCopies(ClientRequestValidator.MAX_LIMITS + 1, new LimitsDraft.Entry("EUR", "1", "1"));
        assertThat(catchThrowableOfType(InvalidRequestException.class,
                () -> validator.limits("c-1", new LimitsDraft(many), null)).errors())
                .singleElement().extracting(FieldError::message).asString().contains("at most 50");
    }

    @Test
    void theSameStateHasTheSameCanonicalText() {
        var a = validator.limits("c-1", new LimitsDraft(List.of(new LimitsDraft.Entry("USD", "1", "2"),
                new LimitsDraft.Entry("EUR", "1.5", "2.50"))), null).state();
        var b = validator.limits("c-1", new LimitsDraft(List.of(new LimitsDraft.Entry("EUR", "1.50", "2.5"),
                new LimitsDraft.Entry("USD", "1.00", "2"))), null).state();

        assertThat(a).isEqualTo(b);
        assertThat(a.canonicalText()).isEqualTo(b.canonicalText())
                .isNotEqualTo(new ClientLimits(List.of()).canonicalText());
    }

    @Test
    void preconditionsJudgeTheCurrentVersion() {
        assertThat(Precondition.NONE.holdsFor(OptionalLong.empty())).isTrue();
        assertThat(Precondition.NONE.holdsFor(OptionalLong.of(1))).isFalse();
        assertThat(Precondition.IF_NONE_EXISTS.holdsFor(OptionalLong.of(1))).isFalse();
        assertThat(Precondition.IF_ANY_EXISTS.holdsFor(OptionalLong.of(7))).isTrue();
        assertThat(Precondition.IF_ANY_EXISTS.holdsFor(OptionalLong.empty())).isFalse();
        assertThat(Precondition.ifMatch(Set.of(2L, 3L)).holdsFor(OptionalLong.of(3))).isTrue();
        assertThat(Precondition.ifMatch(Set.of(2L)).holdsFor(OptionalLong.of(3))).isFalse();
        assertThat(Precondition.ifMatch(Set.of(1L)).holdsFor(OptionalLong.empty())).isFalse();
    }
}
