package io.recoup.core.matching;

import static org.assertj.core.api.Assertions.assertThat;

import io.recoup.core.money.Money;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PaymentMatcherTest {
    private final PaymentMatcher matcher = new PaymentMatcher(List.of(
            new MatchableItem(1, "INV-1001", "RF98INV2026000123", Money.of("100.00", "EUR")),
            new MatchableItem(2, "INV-1002", "RF712348231", Money.of("50.00", "EUR")),
            new MatchableItem(3, "INV-1003", "RF18539007547034", Money.of("75.00", "USD")),
            new MatchableItem(4, "INV-10", "RF48R5", Money.of("10.00", "EUR"))));

    private static ReceiptToMatch receipt(String amount, String currency, String reference, String text) {
        return new ReceiptToMatch(9, Money.of(amount, currency), Optional.ofNullable(reference), text);
    }

    @Test
    void matchesByStructuredCreditorReference() {
        assertThat(matcher.match(receipt("100.00", "EUR", "RF98 INV2 0260 0012 3", "")))
                .isEqualTo(new MatchResult.Matched(1, Money.of("100.00", "EUR"), "structured creditor reference RF98INV2026000123"));
    }

    @Test
    void allocatesAPartialPaymentWhole() {
        assertThat(matcher.match(receipt("30.00", "EUR", "RF712348231", "")))
                .isEqualTo(new MatchResult.Matched(2, Money.of("30.00", "EUR"), "structured creditor reference RF712348231"));
    }

    @Test
    void leavesAnOverpaymentUnallocatedWithItsReason() {
        MatchResult result = matcher.match(receipt("60.00", "EUR", "RF712348231", ""));
        assertThat(result).isInstanceOfSatisfying(MatchResult.Partial.class, p -> {
            assertThat(p.allocated()).isEqualTo(Money.of("50.00", "EUR"));
            assertThat(p.unallocated()).isEqualTo(Money.of("10.00", "EUR"));
            assertThat(p.reason()).isEqualTo("overpayment of EUR 10.00 on invoice INV-1002");
        });
    }

    @Test
    void findsACreditorReferenceWrittenInTheFreeText() {
        assertThat(matcher.match(receipt("50.00", "EUR", null, "Payment rf71 2348 231 thanks")))
                .isInstanceOfSatisfying(MatchResult.Matched.class, m -> assertThat(m.itemId()).isEqualTo(2));
    }

    @Test
    void fallsBackToAnInvoiceNumberThatNamesExactlyOneItem() {
        assertThat(matcher.match(receipt("10.00", "EUR", null, "Invoice INV-10, customer 77")))
                .isInstanceOfSatisfying(MatchResult.Matched.class, m -> {
                    assertThat(m.itemId()).isEqualTo(4);
                    assertThat(m.rule()).isEqualTo("invoice number INV-10 in remittance text");
                });
    }

    @Test
    void refusesAmbiguousTextAndForeignCurrency() {
        assertThat(matcher.match(receipt("150.00", "EUR", null, "INV-1001 and INV-1002")))
                .isEqualTo(new MatchResult.Unmatched("remittance text names 2 open invoices (INV-1001, INV-1002); a person must split it"));
        assertThat(matcher.match(receipt("75.00", "EUR", "RF18539007547034", "")))
                .isInstanceOfSatisfying(MatchResult.Unmatched.class, u -> assertThat(u.reason())
                        .isEqualTo("structured creditor reference RF18539007547034 points at invoice INV-1003 in USD, but the payment is in EUR"));
    }

    @Test
    void keepsAnUnknownReferenceAsAnException() {
        assertThat(matcher.match(receipt("12.00", "EUR", "RF5553900754703", "something")))
                .isEqualTo(new MatchResult.Unmatched("creditor reference RF5553900754703 matches no open item"));
    }

    @Test
    void takesInWhatAnAllocationChangedSoOneMatcherServesAWholeRun() {
        matcher.update(new MatchableItem(2, "INV-1002", "RF712348231", Money.of("20.00", "EUR")));
        assertThat(matcher.match(receipt("30.00", "EUR", "RF712348231", "")))
                .isInstanceOfSatisfying(MatchResult.Partial.class, p -> assertThat(p.allocated()).isEqualTo(Money.of("20.00", "EUR")));
        matcher.update(new MatchableItem(2, "INV-1002", "RF712348231", Money.of("0.00", "EUR")));
        assertThat(matcher.match(receipt("30.00", "EUR", "RF712348231", "")))
                .isEqualTo(new MatchResult.Unmatched("creditor reference RF712348231 matches no open item"));
        assertThat(matcher.match(receipt("30.00", "EUR", null, "INV-1002"))).isInstanceOf(MatchResult.Unmatched.class);
    }
}
