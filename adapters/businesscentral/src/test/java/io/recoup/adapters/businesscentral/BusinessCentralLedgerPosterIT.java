package io.recoup.adapters.businesscentral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recoup.adapters.businesscentral.testserver.BcData;
import io.recoup.adapters.businesscentral.testserver.Fault;
import io.recoup.core.RecoupException;
import io.recoup.core.ledger.OpenItemKey;
import io.recoup.core.money.Money;
import io.recoup.core.port.LedgerPoster;
import io.recoup.core.port.LedgerPosting;
import io.recoup.core.port.SourceSettings;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BusinessCentralLedgerPosterIT {
    private final Testbed bed = new Testbed();
    private BcData.Company company;
    private BcData.Journal journal;

    @BeforeEach
    void data() {
        company = bed.company("CRONUS", 2, 2);
        journal = bed.data.journals(company.id()).get(0);
    }

    @AfterEach
    void stop() {
        bed.close();
    }

    private LedgerPoster poster(Map<String, Object> settings) {
        return new BusinessCentralConnector().poster(new SourceSettings("bc-test", settings));
    }

    private LedgerPosting posting(String documentNumber, int invoice, String amount) {
        BcData.Invoice target = bed.data.invoices(company.id()).get(invoice);
        return new LedgerPosting(documentNumber, new OpenItemKey("bc-test", company.id() + "/" + target.id()),
                target.number(), Money.of(amount, "EUR"), LocalDate.of(2026, 11, 25),
                "E2E-REFERENCE-THAT-IS-LONGER-THAN-THIRTY-FIVE-CHARACTERS");
    }

    @Test
    void writesOneJournalLinePerPaymentAppliedToItsInvoice() {
        LedgerPoster poster = poster(bed.settings("CRONUS"));

        String batch = poster.post(List.of(posting("RCP-1-1", 0, "60.00"), posting("RCP-1-2-R", 1, "-25.00")));

        assertThat(batch).contains("RECOUP").contains("RCP-1-1").contains("RCP-1-2-R");
        List<BcData.Payment> lines = bed.data.payments(journal.id());
        assertThat(lines).hasSize(2);
        BcData.Payment first = lines.get(0);
        BcData.Invoice invoice = bed.data.invoices(company.id()).get(0);
        assertThat(first.appliesToInvoiceId()).isEqualTo(invoice.id());
        assertThat(first.customerId()).isEqualTo(invoice.customerId());
        assertThat(first.amount()).isEqualByComparingTo("60.00");
        assertThat(first.postingDate()).isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(first.externalDocumentNumber()).hasSize(35).startsWith("E2E-REFERENCE");
        assertThat(lines.get(1).amount()).isEqualByComparingTo("-25.00");
        assertThat(poster.alreadyPosted(Set.of("RCP-1-1", "RCP-1-2-R", "RCP-9-9"))).containsExactlyInAnyOrder(
                "RCP-1-1", "RCP-1-2-R");
    }

    @Test
    void postsExactlyOnceWhenTheAnswerToAnAcceptedWriteIsLost() {
        Map<String, Object> settings = bed.settings("CRONUS");
        settings.put("retry", Map.of("max-attempts", "1"));
        bed.server.failNext("POST", "/customerPayments", Fault.drop(), 1);
        LedgerPoster poster = poster(settings);
        List<LedgerPosting> postings = List.of(posting("RCP-7-1", 0, "10.00"), posting("RCP-7-2", 2, "20.00"));

        assertThatThrownBy(() -> poster.post(postings)).isInstanceOf(RecoupException.class)
                .hasMessageContaining("RCP-7-1");
        // the caller asks again after the unclear failure: what the ledger holds, then the rest
        LedgerPoster restarted = poster(settings);
        Set<String> held = restarted.alreadyPosted(Set.of("RCP-7-1", "RCP-7-2"));
        restarted.post(postings.stream().filter(p -> !held.contains(p.documentNumber())).toList());

        assertThat(held).containsExactly("RCP-7-1");
        assertThat(bed.data.payments(journal.id())).extracting(BcData.Payment::documentNumber)
                .containsExactlyInAnyOrder("RCP-7-1", "RCP-7-2");
    }

    @Test
    void aRetryAfterALostAnswerFindsTheWrittenLineInsteadOfWritingASecond() {
        bed.server.failNext("POST", "/customerPayments", Fault.drop(), 1);

        poster(bed.settings("CRONUS")).post(List.of(posting("RCP-8-1", 0, "10.00")));

        assertThat(bed.data.payments(journal.id())).singleElement()
                .satisfies(p -> assertThat(p.documentNumber()).isEqualTo("RCP-8-1"));
    }

    @Test
    void findsPaymentsAFinanceTeamHasAlreadyPostedFromTheJournal() {
        LedgerPoster poster = poster(bed.settings("CRONUS"));
        poster.post(List.of(posting("RCP-2-1", 0, "10.00")));
        bed.data.postJournal(company.id(), journal.id());

        assertThat(bed.data.payments(journal.id())).isEmpty();
        assertThat(poster.alreadyPosted(Set.of("RCP-2-1"))).containsExactly("RCP-2-1");
    }

    @Test
    void refusesADocumentNumberLongerThanBusinessCentralKeepsBeforeWritingAnything() {
        LedgerPoster poster = poster(bed.settings("CRONUS"));

        assertThatThrownBy(() -> poster.post(List.of(posting("RCP-1-1", 0, "1.00"),
                posting("RCP-123456789-12345678", 1, "1.00"))))
                .isInstanceOf(RecoupException.class).hasMessageContaining("RCP-123456789-12345678")
                .hasMessageContaining("20 characters");
        assertThat(bed.data.payments(journal.id())).isEmpty();
    }

    @Test
    void findsManyDocumentNumbersInChunkedFilters() {
        LedgerPoster poster = poster(bed.settings("CRONUS"));
        poster.post(List.of(posting("RCP-3-1", 0, "1.00"), posting("RCP-3-40", 1, "1.00")));
        Set<String> asked = new java.util.HashSet<>();
        for (int i = 1; i <= 40; i++) {
            asked.add("RCP-3-" + i);
        }
        bed.server.clearLog();

        assertThat(poster.alreadyPosted(asked)).containsExactlyInAnyOrder("RCP-3-1", "RCP-3-40");
        assertThat(bed.server.requests()).filteredOn(r -> r.path().endsWith("/customerPayments")).hasSize(3);
    }
}
