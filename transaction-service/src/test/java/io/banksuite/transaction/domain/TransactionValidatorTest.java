package io.banksuite.transaction.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TransactionValidatorTest {

    private final TransactionValidator validator = new TransactionValidator();

    @Test
    void aValidRequestBecomesATransactionWithExactMinorUnits() {
        NewTransaction tx = validator.validate(valid());
        assertThat(tx.clientId()).isEqualTo("c-1");
        assertThat(tx.amount()).isEqualTo(new BigDecimal("125.50"));
        assertThat(tx.amountMinor()).isEqualTo(12550);
        assertThat(tx.currency().getCurrencyCode()).isEqualTo("EUR");
        assertThat(tx.type()).isEqualTo(TransactionType.PAYMENT);
        assertThat(tx.channel()).isEqualTo(Channel.WEB);
        assertThat(tx.merchantCountry()).isEqualTo("DE");
    }

    @ParameterizedTest(name = "{0} {1} -> {2} minor units")
    @CsvSource({
            "125.5, EUR, 12550, 125.50",
            "125.500, EUR, 12550, 125.50",
            "0.01, EUR, 1, 0.01",
            "100, JPY, 100, 100",
            "100.0, JPY, 100, 100",
            "1.234, BHD, 1234, 1.234",
            "9999999999999.99, EUR, 999999999999999, 9999999999999.99",
            "1E+2, USD, 10000, 100.00"})
    void amountsAreExactInTheCurrencysScale(String amount, String currency, long minor, String normalized) {
        NewTransaction tx = validator.validate(with(amount, currency));
        assertThat(tx.amountMinor()).isEqualTo(minor);
        assertThat(tx.amount().toPlainString()).isEqualTo(normalized);
    }

    @ParameterizedTest(name = "amount {0} {1} is refused")
    @CsvSource({
            "0, EUR", "-1, EUR", "0.00, EUR", "12.345, EUR", "1.5, JPY", "1.2345, BHD", "abc, EUR", "'', EUR",
            "' 1', EUR", "1e999999999, EUR", "10000000000000, EUR", "NaN, EUR", "0x10, EUR"})
    void badAmountsAreNamed(String amount, String currency) {
        assertThat(fieldsOf(with(amount, currency))).containsExactly("amount");
    }

    @ParameterizedTest(name = "currency {0} is refused")
    @CsvSource({"XXX", "XAU", "eur", "ABC", "EURO", "''", "E1R"})
    void badCurrenciesAreNamed(String currency) {
        assertThat(fieldsOf(with("10", currency))).containsExactly("currency");
    }

    @Test
    void everyBadFieldIsNamedAtOnce() {
        var draft = new TransactionDraft(null, "-5", "XXX", "BOGUS", " ", "541", "XX", "OTHER");
        var e = catchThrowableOfType(InvalidRequestException.class, () -> validator.validate(draft, "bad key"));
        assertThat(e.errors()).extracting(FieldError::field).containsExactlyInAnyOrder(
                "clientId", "amount", "currency", "type", "merchantId", "merchantCategory", "merchantCountry",
                "channel", "Idempotency-Key");
    }

    @Test
    void requiredFieldsAreNamed() {
        var draft = new TransactionDraft(null, null, null, null, null, null, null, null);
        assertThat(fieldsOf(draft)).containsExactlyInAnyOrder("clientId", "amount", "currency", "type", "channel");
    }

    @Test
    void merchantFieldsAreOptional() {
        var draft = new TransactionDraft("c-1", "10", "EUR", "WITHDRAWAL", null, null, null, "ATM");
        NewTransaction tx = validator.validate(draft);
        assertThat(tx.merchantId()).isNull();
        assertThat(tx.merchantCategory()).isNull();
        assertThat(tx.merchantCountry()).isNull();
    }

    @ParameterizedTest(name = "clientId {0} is refused")
    @CsvSource({"'-c1'", "'c 1'", "'c/1'", "'c\u00e91'"})
    void clientIdsAreBoundedToSafeCharacters(String clientId) {
        assertThat(fieldsOf(new TransactionDraft(clientId, "1", "EUR", "PAYMENT", null, null, null, "WEB")))
                .containsExactly("clientId");
    }

    @Test
    void lengthsAreBounded() {
        String longText = "a".repeat(65);
        assertThat(fieldsOf(new TransactionDraft(longText, "1", "EUR", "PAYMENT", longText, null, null, "WEB")))
                .containsExactlyInAnyOrder("clientId", "merchantId");
        assertThat(validator.validate(new TransactionDraft("a".repeat(64), "1", "EUR", "PAYMENT", "m".repeat(64),
                null, null, "WEB")).clientId()).hasSize(64);
    }

    @Test
    void typeAndChannelComeFromTheEventEnumsButOther() {
        assertThat(fieldsOf(new TransactionDraft("c-1", "1", "EUR", "OTHER", null, null, null, "OTHER")))
                .containsExactlyInAnyOrder("type", "channel");
        assertThat(fieldsOf(new TransactionDraft("c-1", "1", "EUR", "payment", null, null, null, "web")))
                .containsExactlyInAnyOrder("type", "channel");
        for (TransactionType type : TransactionType.values()) {
            assertThat(validator.validate(new TransactionDraft("c-1", "1", "EUR", type.name(), null, null, null,
                    "API")).type()).isEqualTo(type);
        }
    }

    @Test
    void merchantCountryIsAnIsoAlpha2Code() {
        assertThat(fieldsOf(withCountry("de"))).containsExactly("merchantCountry");
        assertThat(fieldsOf(withCountry("DEU"))).containsExactly("merchantCountry");
        assertThat(validator.validate(withCountry("FR")).merchantCountry()).isEqualTo("FR");
    }

    @Test
    void idempotencyKeyIsOptionalAndBounded() {
        assertThat(validator.validate(valid(), null).idempotencyKey()).isEmpty();
        assertThat(validator.validate(valid(), "k-1").idempotencyKey()).contains("k-1");
        var e = catchThrowableOfType(InvalidRequestException.class,
                () -> validator.validate(valid(), "k".repeat(129)));
        assertThat(e.errors()).extracting(FieldError::field).containsExactly("Idempotency-Key");
    }

    @Test
    void canonicalTextIgnoresHowTheAmountWasWritten() {
        assertThat(validator.validate(with("125.5", "EUR")).canonicalText())
                .isEqualTo(validator.validate(with("125.50", "EUR")).canonicalText());
    }

    @Test
    void aCardIdIsOptionalAndNeverACardNumber() {
        assertThat(validator.validate(valid()).cardId()).isNull();
        assertThat(validator.validate(withCard("card-0042")).cardId()).isEqualTo("card-0042");
        assertThat(fieldsOf(withCard("4111111111111111"))).as("a PAN").containsExactly("cardId");
        assertThat(fieldsOf(withCard("card 42"))).containsExactly("cardId");
        assertThat(fieldsOf(withCard(""))).containsExactly("cardId");
        assertThat(fieldsOf(withCard("c".repeat(65)))).containsExactly("cardId");
    }

    @Test
    void theCanonicalTextOfARequestWithoutACardIsWhatItWasBeforeCardsExisted() {
        // Digests stored with idempotency keys before cardId existed must still match their retries.
        assertThat(validator.validate(valid()).canonicalText())
                .isEqualTo(String.join("\u001f", "c-1", "125.50", "EUR", "PAYMENT", "m-1", "5411", "DE", "WEB"));
        assertThat(validator.validate(withCard("card-1")).canonicalText())
                .isNotEqualTo(validator.validate(valid()).canonicalText());
    }

    private java.util.List<String> fieldsOf(TransactionDraft draft) {
        var e = catchThrowableOfType(InvalidRequestException.class, () -> validator.validate(draft));
        assertThat(e).as("expected the draft to be refused: %s", draft).isNotNull();
        return e.errors().stream().map(FieldError::field).toList();
    }

    private static TransactionDraft valid() {
        return with("125.50", "EUR");
    }

    private static TransactionDraft with(String amount, String currency) {
        return new TransactionDraft("c-1", amount, currency, "PAYMENT", "m-1", "5411", "DE", "WEB");
    }

    private static TransactionDraft withCard(String cardId) {
        return new TransactionDraft("c-1", "125.50", "EUR", "PAYMENT", "m-1", "5411", "DE", "POS", cardId);
    }

    private static TransactionDraft withCountry(String country) {
        return new TransactionDraft("c-1", "1", "EUR", "PAYMENT", "m-1", "5411", country, "WEB");
    }
}
