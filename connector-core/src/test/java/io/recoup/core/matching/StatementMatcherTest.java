package io.recoup.core.matching;

import static org.assertj.core.api.Assertions.assertThat;

import io.recoup.core.money.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StatementMatcherTest {
    private static final LocalDate DAY = LocalDate.of(2026, 3, 10);

    private static MatchableItem item(long id, String number, String rf, String customer, String name, String open, String currency) {
        return new MatchableItem(id, number, rf, customer, name, DAY.minusDays(5), Money.of(open, currency));
    }

    private static final List<MatchableItem> ITEMS = List.of(
            item(1, "INV-2026-00123", "RF98INV2026000123", "csv:A", "Müller GmbH", "100.00", "EUR"),
            item(2, "INV-2026-00141", "RF712348231", "csv:A", "Müller GmbH", "50.00", "EUR"),
            item(3, "INV-2026-00150", "RF18539007547034", "csv:B", "Smith Ltd", "75.00", "USD"),
            item(4, "INV-2026-00142", "RF48R5", "csv:B", "Smith Ltd", "50.00", "EUR"),
            item(5, "INV-2026-00200", null, "csv:C", "Dupont SA", "30.00", "EUR"),
            item(6, "INV-2026-00201", null, "csv:C", "Dupont SA", "20.00", "EUR"));

    private static StatementMatcher matcher() {
        return new StatementMatcher(ITEMS, new Payers(ITEMS, Map.of("csv:A", Set.of("DE89370400440532013000")), Map.of()));
    }

    private static ReceiptToMatch receipt(String amount, String reference, String text, String name, String iban) {
        return new ReceiptToMatch(9, Money.of(amount, "EUR"), reference == null ? List.of() : List.of(reference), text, name, iban, DAY);
    }

    private static List<String> allocations(MatchResult result) {
        List<Allocation> list = result instanceof MatchResult.Matched m ? m.allocations()
                : result instanceof MatchResult.Partial p ? p.allocations() : List.of();
        return list.stream().map(a -> a.number() + " " + a.amount().amount()).toList();
    }

    @Test
    void allocatesByAStructuredReferenceEvenWhenTheAmountIsAPartPayment() {
        MatchResult result = matcher().match(receipt("30.00", "RF71 2348 231", "", null, null));
        assertThat(allocations(result)).containsExactly("INV-2026-00141 30.00");
        assertThat(((MatchResult.Matched) result).allocations().get(0).rule()).isEqualTo("creditor reference");
    }

    @Test
    void findsAReferenceTypedInLowerCaseWithSpacesAndKeepsASurplusAsTheCustomersCredit() {
        MatchResult result = matcher().match(receipt("60.00", null, "pay rf71 2348 231 thanks", null, null));
        assertThat(result).isInstanceOfSatisfying(MatchResult.Partial.class, p -> {
            assertThat(allocations(p)).containsExactly("INV-2026-00141 50.00");
            assertThat(p.unallocated()).isEqualTo(Money.of("10.00", "EUR"));
            assertThat(p.reason()).contains("credit of customer csv:A");
        });
    }

    @Test
    void ignoresAReferenceWhoseCheckDigitsFail() {
        MatchResult result = matcher().match(receipt("50.00", "RF17539007547034", "", null, null));
        assertThat(result).isInstanceOf(MatchResult.Unmatched.class);
    }

    @Test
    void neverConvertsAForeignCurrency() {
        MatchResult result = matcher().match(receipt("75.00", "RF18539007547034", "", null, null));
        assertThat(result).isInstanceOfSatisfying(MatchResult.Unmatched.class,
                u -> assertThat(u.reason()).contains("another currency").contains("not converted"));
    }

    @Test
    void readsInvoiceNumbersWrittenAnotherWayWhenTheAmountFits() {
        assertThat(allocations(matcher().match(receipt("50.00", null, "Rechnung 2026/00141", null, null))))
                .containsExactly("INV-2026-00141 50.00");
        assertThat(allocations(matcher().match(receipt("50.00", null, "RE 2026-141", null, null))))
                .containsExactly("INV-2026-00141 50.00");
        assertThat(allocations(matcher().match(receipt("50.00", null, "inv 2026 00141", null, null))))
                .containsExactly("INV-2026-00141 50.00");
    }

    @Test
    void neverTakesANumberAloneWhenNeitherAmountNorPayerBackIt() {
        // a typo that names another real invoice, of another customer, with another amount
        MatchResult result = matcher().match(receipt("42.00", null, "INV-2026-00142", "Unknown Payer", "FR7630006000011234567890189"));
        assertThat(result).isInstanceOfSatisfying(MatchResult.Unmatched.class, u -> {
            assertThat(u.candidates()).singleElement().asString().startsWith("INV-2026-00142");
            assertThat(u.reason()).contains("fits none of them");
        });
    }

    @Test
    void takesAPartPaymentOfANamedInvoiceFromItsKnownPayer() {
        assertThat(allocations(matcher().match(receipt("20.00", null, "INV-2026-00123", "MUELLER", "DE89 3704 0044 0532 0130 00"))))
                .containsExactly("INV-2026-00123 20.00");
    }

    @Test
    void aKnownPayerNamingAnotherCustomersInvoicePaysItsOwnInvoiceOfThatAmount() {
        MatchResult result = matcher().match(receipt("50.00", null, "INV-2026-00142", "Mueller GmbH", "DE89370400440532013000"));
        assertThat(allocations(result)).containsExactly("INV-2026-00141 50.00");
        assertThat(((MatchResult.Matched) result).allocations().get(0).rule()).isEqualTo("payer and amount");
    }

    @Test
    void splitsAPaymentThatListsSeveralNumbersAndPaysThemAll() {
        assertThat(allocations(matcher().match(receipt("150.00", null, "INV-2026-00123 + INV-2026-00141", null, null))))
                .containsExactly("INV-2026-00123 100.00", "INV-2026-00141 50.00");
    }

    @Test
    void findsTheOneSetOfThePayersInvoicesACombinedPaymentCoversWithoutNumbers() {
        assertThat(allocations(matcher().match(receipt("50.00", null, "Sammelzahlung", "DUPONT", null))))
                .containsExactlyInAnyOrder("INV-2026-00200 30.00", "INV-2026-00201 20.00");
    }

    @Test
    void leavesTwoEquallyGoodAnswersToAPerson() {
        List<MatchableItem> twins = List.of(item(1, "INV-1001", null, "csv:A", "Acme", "500.00", "EUR"),
                item(2, "INV-1002", null, "csv:A", "Acme", "500.00", "EUR"));
        StatementMatcher matcher = new StatementMatcher(twins, Payers.none(twins));
        MatchResult result = matcher.match(receipt("500.00", null, "thanks", "ACME", null));
        assertThat(result).isInstanceOfSatisfying(MatchResult.Unmatched.class, u -> assertThat(u.candidates()).hasSize(2));
    }

    @Test
    void aReferenceLaterInTheStatementWinsOverAMistypedNumberEarlierInIt() {
        StatementMatcher matcher = matcher();
        List<MatchResult> results = matcher.matchAll(List.of(
                receipt("50.00", null, "INV-2026-00141", null, null),
                receipt("50.00", "RF712348231", "", null, null)));
        assertThat(allocations(results.get(1))).containsExactly("INV-2026-00141 50.00");
        assertThat(results.get(0)).isInstanceOf(MatchResult.Unmatched.class);
    }

    @Test
    void aSecondPaymentOfAPaidInvoiceGoesToAPerson() {
        StatementMatcher matcher = matcher();
        List<MatchResult> results = matcher.matchAll(List.of(receipt("50.00", "RF712348231", "", null, null),
                receipt("50.00", "RF712348231", "", null, null)));
        assertThat(allocations(results.get(0))).containsExactly("INV-2026-00141 50.00");
        assertThat(results.get(1)).isInstanceOfSatisfying(MatchResult.Unmatched.class,
                u -> assertThat(u.reason()).contains("nothing open"));
    }

    @Test
    void identifiesPayersByNameAsBanksWriteThem() {
        assertThat(Payers.names("Müller GmbH & Co. KG")).contains("mueller", "muller");
        assertThat(Payers.names("MUELLER GMBH")).contains("mueller");
        assertThat(Payers.names("Société Générale S.A.")).contains("societe generale");
    }
}
