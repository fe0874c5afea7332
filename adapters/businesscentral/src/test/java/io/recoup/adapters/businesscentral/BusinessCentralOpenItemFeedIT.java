package io.recoup.adapters.businesscentral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recoup.adapters.businesscentral.testserver.BcData;
import io.recoup.adapters.businesscentral.testserver.BusinessCentralServer.LoggedRequest;
import io.recoup.adapters.businesscentral.testserver.Fault;
import io.recoup.core.port.FeedPage;
import io.recoup.core.port.FeedSyncRequest;
import io.recoup.core.port.FeedUnavailable;
import io.recoup.core.port.OpenItemFeed;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BusinessCentralOpenItemFeedIT {
    private final Testbed bed = new Testbed();

    @AfterEach
    void stop() {
        bed.close();
    }

    private List<LoggedRequest> invoiceRequests() {
        return bed.server.requests().stream().filter(r -> r.path().endsWith("/salesInvoices")).toList();
    }

    @Test
    void readsOpenInvoicesWithTheirCustomersPageByPageAsTheServerCutsThem() {
        BcData.Company company = bed.company("CRONUS", 7, 3);
        Map<String, Object> settings = bed.settings("CRONUS");
        settings.put("page-size", "5");

        Testbed.Synced synced = Testbed.sync(bed.feed(settings), FeedSyncRequest.full());

        assertThat(synced.records()).hasSize(21);
        assertThat(synced.pages()).hasSize(5).allSatisfy(p -> assertThat(p.batch().rowsRead()).isLessThanOrEqualTo(5));
        assertThat(synced.result().pages()).isEqualTo(5);
        assertThat(invoiceRequests()).hasSize(5).allSatisfy(r -> {
            assertThat(r.prefer()).contains("odata.maxpagesize=5");
            assertThat(r.query()).contains("$filter=status eq 'Open' and remainingAmount gt 0")
                    .contains("$expand=customer(");
        });
        io.recoup.core.ledger.LedgerRecord first = synced.records().get(0);
        assertThat(first.item().key().externalId()).startsWith(company.id() + "/");
        assertThat(first.item().openAmount().toString()).contains("100.00").contains("EUR");
        assertThat(first.customer().email()).hasValue("c0@example.com");
        assertThat(first.customer().language().getLanguage()).isEqualTo("de");
        assertThat(synced.result().watermark()).contains(Testbed.T0);
    }

    @Test
    void incrementalSyncAsksOnlyForWhatChangedAndReportsPaidInvoicesClosed() {
        BcData.Company company = bed.company("CRONUS", 20, 10);
        OpenItemFeed feed = bed.feed(bed.settings("CRONUS"));
        Testbed.Synced full = Testbed.sync(feed, FeedSyncRequest.full());
        assertThat(full.records()).hasSize(200);
        List<BcData.Invoice> invoices = bed.data.invoices(company.id());
        java.time.Instant later = Testbed.T0.plus(Duration.ofHours(1));
        bed.data.changeInvoice(company.id(), invoices.get(17).id(), i -> i.paid(later));
        bed.data.changeInvoice(company.id(), invoices.get(99).id(), i -> i.remaining(new BigDecimal("40.00"), later));
        bed.server.clearLog();

        Testbed.Synced delta = Testbed.sync(feed, FeedSyncRequest.changedSince(full.result().watermark().orElseThrow()
                .plusMillis(1)));

        assertThat(invoiceRequests()).singleElement().satisfies(r -> assertThat(r.query())
                .contains("lastModifiedDateTime ge 2026-11-20T08:00:00.001Z"));
        assertThat(delta.records()).singleElement().satisfies(r -> {
            assertThat(r.item().key().externalId()).endsWith(invoices.get(99).id().toString());
            assertThat(r.item().openAmount().amount()).isEqualByComparingTo("40.00");
        });
        assertThat(delta.closed()).singleElement().satisfies(c -> {
            assertThat(c.key().externalId()).endsWith(invoices.get(17).id().toString());
            assertThat(c.reason()).isEqualTo("status Paid");
        });
        assertThat(delta.result().watermark()).contains(later);
    }

    @Test
    void retriesServerErrorsThrottlingAndDroppedConnectionsAndLoadsEveryPage() {
        bed.company("CRONUS", 10, 2);
        bed.server.failNext("GET", "/salesInvoices", Fault.status(500), 1);
        bed.server.failNext("GET", "/salesInvoices", Fault.tooManyRequests(1), 1);
        bed.server.failNext("GET", "/salesInvoices", Fault.drop(), 1);
        Map<String, Object> settings = bed.settings("CRONUS");
        settings.put("page-size", "7");
        BusinessCentralOpenItemFeed feed = (BusinessCentralOpenItemFeed) bed.feed(settings);

        Testbed.Synced synced = Testbed.sync(feed, FeedSyncRequest.full());

        assertThat(synced.records()).hasSize(20);
        assertThat(invoiceRequests()).hasSize(3 + 3);
        // the 429's Retry-After (1 s) was taken over the backoff, capped at the configured longest wait (20 ms)
        assertThat(feed.client().waits()).hasSize(3).element(1).isEqualTo(Duration.ofMillis(20));
    }

    @Test
    void givesUpWithFeedUnavailableWhenTheFaultOutlastsTheRetries() {
        bed.company("CRONUS", 2, 1);
        bed.server.failNext("GET", "/salesInvoices", Fault.status(503), 10);
        OpenItemFeed feed = bed.feed(bed.settings("CRONUS"));

        assertThatThrownBy(() -> Testbed.sync(feed, FeedSyncRequest.full())).isInstanceOf(FeedUnavailable.class)
                .hasMessageContaining("bc-test").hasMessageContaining("503");
        assertThat(invoiceRequests()).hasSize(4);
    }

    @Test
    void refusesAnInvoiceThatCannotBeMappedWithItsFieldAndLoadsTheRestOfThePage() {
        BcData.Company company = bed.company("CRONUS", 1, 4);
        BcData.Invoice bad = bed.data.invoices(company.id()).get(1);
        bed.data.changeInvoice(company.id(), bad.id(), i -> new BcData.Invoice(i.id(), i.number(), i.invoiceDate(), null,
                i.customerId(), i.customerNumber(), "", i.totalAmountIncludingTax(), i.remainingAmount(), i.status(),
                i.lastModifiedDateTime()));

        Testbed.Synced synced = Testbed.sync(bed.feed(bed.settings("CRONUS")), FeedSyncRequest.full());

        FeedPage page = synced.pages().get(0);
        assertThat(page.batch().rowsRead()).isEqualTo(4);
        assertThat(page.batch().rows()).hasSize(3);
        assertThat(page.batch().rejections()).singleElement().satisfies(r -> {
            assertThat(r.column()).isEqualTo("dueDate");
            assertThat(r.reason()).contains("missing");
            assertThat(r.raw()).contains(bad.id().toString());
        });
        assertThat(page.seen()).hasSize(4);
        assertThat(page.unnamed()).isZero();
    }

    @Test
    void readsSeveralCompaniesByNameOrIdAndKeysEachItemByItsCompany() {
        BcData.Company first = bed.company("CRONUS DE", 2, 2);
        BcData.Company second = bed.company("CRONUS AT", 3, 1);

        Testbed.Synced synced = Testbed.sync(bed.feed(bed.settings("CRONUS DE", second.id().toString())),
                FeedSyncRequest.full());

        assertThat(synced.records()).hasSize(7);
        assertThat(synced.records()).filteredOn(r -> r.item().key().externalId().startsWith(first.id() + "/")).hasSize(4);
        assertThat(synced.records()).filteredOn(r -> r.item().key().externalId().startsWith(second.id() + "/"))
                .hasSize(3).allSatisfy(r -> assertThat(r.customer().key().externalId()).startsWith(second.id() + "/"));
    }

    @Test
    void fetchesAFreshTokenOnceWhenTheTokenExpiresMidSync() {
        bed.company("CRONUS", 5, 2);
        Map<String, Object> settings = bed.settings("CRONUS");
        settings.put("page-size", "3");
        OpenItemFeed feed = bed.feed(settings);
        int[] pages = {0};

        feed.sync(FeedSyncRequest.full(), page -> {
            if (++pages[0] == 2) {
                bed.server.expireTokens();
            }
        });

        assertThat(pages[0]).isEqualTo(4);
        assertThat(bed.server.grants()).isEqualTo(2);
    }

    @Test
    void loadsTheItemsOfABlockedCustomerIntoTheBlockedSegmentWithAWarning() {
        BcData.Company company = bed.company("CRONUS", 1, 0);
        BcData.Customer blocked = bed.data.addCustomer(company.id(), new BcData.Customer(java.util.UUID.randomUUID(),
                "C90000", "Blocked Ltd", "", "", "All", Testbed.T0));
        bed.invoice(company, blocked, "Open", new BigDecimal("12.50"));

        Testbed.Synced synced = Testbed.sync(bed.feed(bed.settings("CRONUS")), FeedSyncRequest.full());

        assertThat(synced.records()).singleElement().satisfies(r -> assertThat(r.customer().segment()).isEqualTo("blocked"));
        assertThat(synced.pages().get(0).batch().warnings()).singleElement().asString().contains("blocked");
    }
}
