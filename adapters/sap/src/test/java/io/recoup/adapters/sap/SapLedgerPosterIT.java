package io.recoup.adapters.sap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recoup.adapters.sap.testserver.CubeLedger;
import io.recoup.adapters.sap.testserver.JournalEntryStub;
import io.recoup.adapters.sap.testserver.SapTestServer;
import io.recoup.core.ErrorCode;
import io.recoup.core.RecoupException;
import io.recoup.core.ledger.OpenItemKey;
import io.recoup.core.money.Money;
import io.recoup.core.port.LedgerPoster;
import io.recoup.core.port.LedgerPosting;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SapLedgerPosterIT {
    private static final LocalDate ISSUED = LocalDate.of(2026, 10, 1);
    private static final LocalDate PAID = LocalDate.of(2026, 12, 1);
    private final CubeLedger ledger = new CubeLedger();
    private SapTestServer server;
    private JournalEntryStub soap;
    private LedgerPoster poster;

    @BeforeEach
    void start() throws Exception {
        server = new SapTestServer(ledger, 0).basicAuth("RECOUP_COMM", "secret");
        soap = new JournalEntryStub(ledger);
        ledger.put(CubeLedger.invoice("1010", "1800000001", "17100001", "1190.00", ISSUED, ISSUED.plusDays(30)));
        ledger.put(CubeLedger.invoice("1010", "1800000002", "17100002", "500.00", ISSUED, ISSUED.plusDays(30)));
        poster = new SapConnector().poster(new SapSource(server)
                .with("posting", Map.of("bank-gl-account", "0011002000", "soap-url", soap.url().toString()))
                .sourceSettings());
    }

    @AfterEach
    void stop() {
        soap.close();
        server.close();
    }

    private static LedgerPosting payment(String number, String document, String amount) {
        return new LedgerPosting(number, new OpenItemKey("sap-de", "1010/2026/" + document + "/001"), "INV-" + document,
                Money.of(amount, "EUR"), PAID, "RF18 5390 0754 7034");
    }

    private List<Map<String, Object>> paymentsFor(String documentNumber) {
        return ledger.rowsWhere("DocumentReferenceID", documentNumber);
    }

    @Test
    void postsAPaymentAsAJournalEntryCreditingTheInvoicesCustomer() {
        String batch = poster.post(List.of(payment("RCP-1-42", "1800000001", "1190.00")));

        assertThat(batch).isEqualTo("1010/2026/100000001");
        String envelope = soap.envelopes().get(0);
        assertThat(envelope).contains("xmlns:sfin=\"http://sap.com/xi/SAPSCORE/SFIN\"")
                .contains("<sfin:JournalEntryBulkCreateRequest>")
                .contains("<DocumentReferenceID>RCP-1-42</DocumentReferenceID>")
                .contains("<CompanyCode>1010</CompanyCode>").contains("<PostingDate>2026-12-01</PostingDate>")
                .contains("<GLAccount>0011002000</GLAccount><AmountInTransactionCurrency currencyCode=\"EUR\">1190.00"
                        + "</AmountInTransactionCurrency><DebitCreditCode>S</DebitCreditCode>")
                .contains("<Debtor>17100001</Debtor><AmountInTransactionCurrency currencyCode=\"EUR\">-1190.00"
                        + "</AmountInTransactionCurrency><DebitCreditCode>H</DebitCreditCode>")
                .contains("<AssignmentReference>INV-1800000001</AssignmentReference>");
        assertThat(paymentsFor("RCP-1-42")).singleElement().satisfies(row -> {
            assertThat(row.get("Customer")).isEqualTo("17100001");
            assertThat((BigDecimal) row.get("AmountInTransactionCurrency")).isEqualByComparingTo("-1190.00");
        });
        assertThat(poster.alreadyPosted(Set.of("RCP-1-42", "RCP-1-43"))).containsExactly("RCP-1-42");
    }

    @Test
    void postsEachPaymentExactlyOnceWhenSapsAnswerIsLostAfterItBooked() {
        List<LedgerPosting> postings = List.of(payment("RCP-7-1", "1800000001", "100.00"),
                payment("RCP-7-2", "1800000002", "500.00"));
        soap.loseNextAnswer();

        assertThatThrownBy(() -> poster.post(postings)).isInstanceOf(RecoupException.class)
                .hasMessageContaining("RCP-7-1").hasMessageContaining("unclear")
                .extracting(e -> ((RecoupException) e).code()).isEqualTo(ErrorCode.LEDGER_POSTING_FAILURE);

        // the caller's retry, as LedgerPostBack does it: ask first, then post the rest
        Set<String> numbers = postings.stream().map(LedgerPosting::documentNumber).collect(Collectors.toSet());
        Set<String> posted = poster.alreadyPosted(numbers);
        assertThat(posted).containsExactly("RCP-7-1");
        List<LedgerPosting> rest = postings.stream().filter(p -> !posted.contains(p.documentNumber())).toList();
        poster.post(rest);

        assertThat(paymentsFor("RCP-7-1")).hasSize(1);
        assertThat(paymentsFor("RCP-7-2")).hasSize(1);
        assertThat(soap.envelopes()).hasSize(2);
        assertThat(poster.alreadyPosted(numbers)).isEqualTo(new HashSet<>(numbers));
    }

    @Test
    void postsAReversalAsTheMirrorOfThePayment() {
        poster.post(List.of(payment("RCP-1-42-R", "1800000001", "-100.00")));

        assertThat(soap.envelopes().get(0))
                .contains("<GLAccount>0011002000</GLAccount><AmountInTransactionCurrency currencyCode=\"EUR\">-100.00"
                        + "</AmountInTransactionCurrency><DebitCreditCode>H</DebitCreditCode>")
                .contains("<Debtor>17100001</Debtor><AmountInTransactionCurrency currencyCode=\"EUR\">100.00"
                        + "</AmountInTransactionCurrency><DebitCreditCode>S</DebitCreditCode>");
        assertThat(paymentsFor("RCP-1-42-R")).hasSize(1);
    }

    @Test
    void refusesToPayAnInvoiceSapHasAlreadyClearedButStillReversesOnIt() {
        ledger.change("1010", "2026", "1800000001", "001", r -> r.put("IsCleared", true));

        assertThatThrownBy(() -> poster.post(List.of(payment("RCP-3-1", "1800000001", "1190.00"))))
                .isInstanceOf(RecoupException.class).hasMessageContaining("already cleared in SAP");
        assertThat(soap.envelopes()).isEmpty();

        poster.post(List.of(payment("RCP-3-0-R", "1800000001", "-1190.00")));
        assertThat(paymentsFor("RCP-3-0-R")).hasSize(1);
    }

    @Test
    void refusesADocumentNumberLongerThanSapsReferenceFieldWithoutCallingSap() {
        assertThatThrownBy(() -> poster.post(List.of(payment("RCP-123456-7890123", "1800000001", "1.00"))))
                .isInstanceOf(RecoupException.class).hasMessageContaining("1-16 characters");
        assertThat(soap.envelopes()).isEmpty();
    }

    @Test
    void refusesAPaymentInAnotherCurrencyThanTheInvoiceWithoutCallingSap() {
        LedgerPosting dollars = new LedgerPosting("RCP-9-1", new OpenItemKey("sap-de", "1010/2026/1800000002/001"),
                "INV-1800000002", Money.of("5.00", "USD"), PAID, "ref");

        assertThatThrownBy(() -> poster.post(List.of(dollars))).isInstanceOf(RecoupException.class)
                .hasMessageContaining("RCP-9-1").hasMessageContaining("USD").hasMessageContaining("EUR");
        assertThat(soap.envelopes()).isEmpty();
    }

    @Test
    void reportsSapsRefusalWithItsLogNotes() {
        soap.refuseNext("Posting period 012 2026 is not open");

        assertThatThrownBy(() -> poster.post(List.of(payment("RCP-9-2", "1800000002", "5.00"))))
                .isInstanceOf(RecoupException.class).hasMessageContaining("RCP-9-2")
                .hasMessageContaining("Posting period 012 2026 is not open");
        assertThat(paymentsFor("RCP-9-2")).isEmpty();
        assertThat(poster.alreadyPosted(Set.of("RCP-9-2"))).isEmpty();
    }
}
