package io.recoup.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.recoup.adapters.businesscentral.testserver.BcData;
import io.recoup.adapters.businesscentral.testserver.BusinessCentralServer;
import io.recoup.routes.cycle.Stages;
import io.recoup.routes.ingest.SourceSync;
import io.recoup.routes.ingest.SyncReport;
import io.recoup.store.TemporaryFolders;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Business Central as a configured source of the real application, against the in-test Business Central (Apache
 * Olingo serving the vendor's metadata): open invoices synced in, a 1% change synced incrementally and touching only
 * that item, a payment on a statement matched and written back as one journal line applied to the invoice, once, and
 * the invoice paid in Business Central closed on the next sync.
 */
@SpringBootTest(properties = {"recoup.watch-folders=false", "recoup.schedule.enabled=false"})
class BusinessCentralSourceIT {
    private static final Path HOME = TemporaryFolders.create("recoup-bc-it");
    private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");
    private static final BcData DATA = new BcData();
    private static final BusinessCentralServer BC = BusinessCentralServer.start(DATA);
    private static final BcData.Company COMPANY = DATA.addCompany("CRONUS DE");
    private static final List<BcData.Invoice> INVOICES = invoices(100);

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("recoup.home", HOME::toString);
        registry.add("recoup.sources[0].name", () -> "bc-de");
        registry.add("recoup.sources[0].type", () -> "businesscentral");
        registry.add("recoup.sources[0].base-url", BC::baseUrl);
        registry.add("recoup.sources[0].companies[0]", () -> "CRONUS DE");
        registry.add("recoup.sources[0].oauth.token-url", BC::tokenUrl);
        registry.add("recoup.sources[0].oauth.client-id", () -> BusinessCentralServer.CLIENT_ID);
        registry.add("recoup.sources[0].oauth.client-secret", () -> BusinessCentralServer.CLIENT_SECRET);
        registry.add("recoup.sources[0].local-currency", () -> "EUR");
        registry.add("recoup.sources[0].page-size", () -> "30");
        registry.add("recoup.sources[0].default-language", () -> "de");
        registry.add("recoup.sources[0].default-time-zone", () -> "Europe/Berlin");
    }

    @AfterAll
    static void stop() {
        BC.close();
    }

    @Autowired
    Stages stages;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry metrics;

    private static List<BcData.Invoice> invoices(int count) {
        BcData.Customer customer = DATA.addCustomer(COMPANY.id(), new BcData.Customer(UUID.randomUUID(), "10000",
                "Adatum Corporation", "ap@adatum.example", "+4930123", "_x0020_", T0));
        DATA.addJournal(COMPANY.id(), "RECOUP");
        for (int i = 0; i < count; i++) {
            DATA.addInvoice(COMPANY.id(), new BcData.Invoice(UUID.randomUUID(), "103" + String.format("%03d", i),
                    LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), customer.id(), customer.number(), "",
                    new BigDecimal("250.00"), new BigDecimal("250.00"), "Open", T0.minusSeconds(3600L * (count - i))));
        }
        return DATA.invoices(COMPANY.id());
    }

    @Test
    void syncsInvoicesInChangesOnlyWhatChangedWritesThePaymentBackOnceAndClosesWhatIsPaidThere() {
        SourceSync sync = stages.syncs().get(0).sync();
        SyncReport first = sync.sync();
        assertThat(first.full()).isTrue();
        assertThat(first.inserted()).isEqualTo(100);
        assertThat(first.pages()).isEqualTo(4);
        assertThat(jdbc.queryForObject("select count(*) from open_item where source = 'bc-de' and status = 'OPEN'", Integer.class))
                .isEqualTo(100);

        BcData.Invoice changed = INVOICES.get(7);
        DATA.changeInvoice(COMPANY.id(), changed.id(), i -> i.remaining(new BigDecimal("200.00"), T0.plusSeconds(3600)));
        BC.clearLog();
        SyncReport second = sync.sync();
        assertThat(second.full()).isFalse();
        // the overlap window reads the last invoice changed before the watermark again: it is left unchanged
        assertThat(second.read()).isEqualTo(2);
        assertThat(second.updated()).isEqualTo(1);
        assertThat(second.unchanged()).isEqualTo(1);
        assertThat(BC.requests()).filteredOn(r -> r.path().endsWith("/salesInvoices")).singleElement()
                .satisfies(r -> assertThat(r.query()).contains("lastModifiedDateTime ge"));
        assertThat(jdbc.queryForList("select number from open_item where version > 1", String.class)).containsExactly(changed.number());

        String key = COMPANY.id() + "/" + changed.id();
        String reference = jdbc.queryForObject("select creditor_reference from open_item where source = 'bc-de' and external_id = ?",
                String.class, key);
        stages.statements().importStatement("bank.xml", new ByteArrayInputStream(credit("BANK-1", "200.00", reference)
                .getBytes(StandardCharsets.UTF_8)));
        stages.reconciliation().matchNewReceipts();
        assertThat(stages.postBack().postPending()).singleElement().satisfies(p -> assertThat(p.documentNumbers()).hasSize(1));
        assertThat(stages.postBack().postPending()).isEmpty();
        BcData.Journal journal = DATA.journals(COMPANY.id()).get(0);
        assertThat(DATA.payments(journal.id())).singleElement().satisfies(line -> {
            assertThat(line.appliesToInvoiceId()).isEqualTo(changed.id());
            assertThat(line.amount()).isEqualByComparingTo("200.00");
            assertThat(line.documentNumber()).startsWith("RCP-");
        });

        DATA.postJournal(COMPANY.id(), journal.id());
        DATA.changeInvoice(COMPANY.id(), INVOICES.get(9).id(), i -> i.paid(T0.plusSeconds(7200)));
        SyncReport third = sync.sync();
        assertThat(third.closed()).isEqualTo(1);
        assertThat(jdbc.queryForMap("select status, closed_reason from open_item where number = ?", INVOICES.get(9).number()))
                .containsEntry("status", "CLOSED");
        assertThat(metrics.counter("recoup.source.records", "source", "bc-de", "outcome", "inserted").count()).isEqualTo(100);
        assertThat(metrics.counter("recoup.source.records", "source", "bc-de", "outcome", "closed").count()).isEqualTo(1);
        assertThat(metrics.counter("recoup.source.syncs", "source", "bc-de", "kind", "incremental", "result", "ok").count())
                .isEqualTo(2);
    }

    private static String credit(String bankReference, String amount, String rf) {
        return CamtCredits.credit(bankReference, amount, "2026-11-21",
                "<RmtInf><Strd><CdtrRefInf><Ref>" + rf + "</Ref></CdtrRefInf></Strd></RmtInf>");
    }
}
