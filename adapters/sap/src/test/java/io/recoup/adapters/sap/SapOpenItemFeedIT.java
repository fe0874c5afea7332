package io.recoup.adapters.sap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recoup.adapters.sap.testserver.CubeLedger;
import io.recoup.adapters.sap.testserver.SapTestServer;
import io.recoup.adapters.sap.testserver.SapTestServer.Fault;
import io.recoup.core.ledger.LedgerRecord;
import io.recoup.core.ledger.OpenItem;
import io.recoup.core.ledger.OpenItemKey;
import io.recoup.core.port.FeedPage;
import io.recoup.core.port.FeedSyncRequest;
import io.recoup.core.port.FeedSyncResult;
import io.recoup.core.port.FeedUnavailable;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SapOpenItemFeedIT {
    private static final LocalDate ISSUED = LocalDate.of(2026, 10, 1);
    private final CubeLedger ledger = new CubeLedger();
    private SapTestServer server;
    private final List<FeedPage> pages = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = new SapTestServer(ledger, 0).basicAuth("RECOUP_COMM", "secret");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void invoices(String company, int from, int count) {
        for (int i = from; i < from + count; i++) {
            ledger.put(CubeLedger.invoice(company, String.format("18%08d", i), "1710000" + (i % 7), (100 + i) + ".50",
                    ISSUED, ISSUED.plusDays(30)));
        }
    }

    private static List<OpenItem> items(List<FeedPage> pages) {
        return pages.stream().flatMap(p -> p.batch().records().stream()).map(LedgerRecord::item).toList();
    }

    @Test
    void readsEveryOpenItemOfTheConfiguredCompanyPageByPageInKeyOrder() {
        invoices("1010", 1, 10);
        invoices("1710", 50, 4); // another company code, not configured
        Map<String, Object> paid = CubeLedger.invoice("1010", "1900000001", "17100001", "10.00", ISSUED, ISSUED);
        paid.put("IsCleared", true);
        ledger.put(paid);

        FeedSyncResult result = new SapSource(server).feed().sync(FeedSyncRequest.full(), pages::add);

        assertThat(pages).hasSize(4);
        assertThat(pages).extracting(p -> p.batch().rowsRead()).containsExactly(3, 3, 3, 1);
        assertThat(items(pages)).extracting(i -> i.key().externalId()).hasSize(10).doesNotHaveDuplicates()
                .allMatch(id -> id.startsWith("1010/2026/18"));
        OpenItem first = items(pages).get(0);
        assertThat(first.key()).isEqualTo(new OpenItemKey("sap-de", "1010/2026/1800000001/001"));
        assertThat(first.number()).isEqualTo("INV-1800000001");
        assertThat(first.dueDate()).isEqualTo(ISSUED.plusDays(30));
        assertThat(first.openAmount().amount()).isEqualByComparingTo(new BigDecimal("101.50"));
        assertThat(first.openAmount().currencyCode()).isEqualTo("EUR");
        assertThat(result.pages()).isEqualTo(4);
        assertThat(result.requests()).isEqualTo(4);
        assertThat(result.watermark()).contains(ISSUED.atStartOfDay(ZoneOffset.UTC).toInstant());
        List<String> requests = server.requests();
        assertThat(requests.get(0)).contains("$filter=(CompanyCode eq '1010') and FinancialAccountType eq 'D' and "
                + "SpecialGLCode eq '' and IsCleared eq false").contains("$top=3")
                .contains("$orderby=CompanyCode,FiscalYear,AccountingDocument,AccountingDocumentItem");
        assertThat(requests.get(1)).contains("AccountingDocument gt '1800000003'").doesNotContain("$skip");
    }

    @Test
    void keepsReadingByKeyWhenTheServerCutsPagesShorterThanAsked() throws Exception {
        server.close();
        server = new SapTestServer(ledger, 2).basicAuth("RECOUP_COMM", "secret");
        invoices("1010", 1, 7);

        new SapSource(server).with("page-size", "5").feed().sync(FeedSyncRequest.full(), pages::add);

        assertThat(items(pages)).hasSize(7).extracting(i -> i.key().externalId()).doesNotHaveDuplicates();
        assertThat(pages).extracting(p -> p.batch().rowsRead()).containsExactly(2, 2, 2, 1);
    }

    @Test
    void anIncrementalSyncAsksOnlyForWhatChangedAndReportsClearedItemsClosed() {
        invoices("1010", 1, 200);
        SapOpenItemFeed feed = new SapSource(server).with("page-size", "50").feed();
        FeedSyncResult full = feed.sync(FeedSyncRequest.full(), pages::add);
        assertThat(items(pages)).hasSize(200);
        LocalDate today = LocalDate.of(2026, 12, 1);
        // 1 % of the items change: one gets a new amount, one is cleared by a payment
        ledger.change("1010", "2026", "1800000042", "001", r -> {
            r.put("AmountInTransactionCurrency", new BigDecimal("99.00"));
            r.put("LastChangeDate", CubeLedger.date(today));
        });
        ledger.change("1010", "2026", "1800000077", "001", r -> {
            r.put("IsCleared", true);
            r.put("ClearingDate", CubeLedger.date(today));
            r.put("ClearingCreationDate", CubeLedger.date(today));
            r.put("ClearingAccountingDocument", "1400000009");
        });
        server.clearRequests();
        pages.clear();

        FeedSyncResult next = feed.sync(FeedSyncRequest.changedSince(full.watermark().orElseThrow().plus(Duration.ofDays(30))),
                pages::add);

        assertThat(items(pages)).singleElement().satisfies(i -> {
            assertThat(i.key().externalId()).isEqualTo("1010/2026/1800000042/001");
            assertThat(i.openAmount().amount()).isEqualByComparingTo("99.00");
        });
        assertThat(pages.stream().flatMap(p -> p.closed().stream()).toList()).singleElement().satisfies(c -> {
            assertThat(c.key().externalId()).isEqualTo("1010/2026/1800000077/001");
            assertThat(c.reason()).contains("1400000009").contains("2026-12-01");
        });
        List<String> requests = server.requests();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0)).contains("(LastChangeDate ge datetime'2026-10-31T00:00:00' or "
                + "AccountingDocumentCreationDate ge datetime'2026-10-31T00:00:00')").doesNotContain("IsCleared eq");
        assertThat(requests.get(1)).contains("IsCleared eq true and (ClearingDate ge datetime'2026-10-31T00:00:00'");
        assertThat(next.watermark()).contains(today.atStartOfDay(ZoneOffset.UTC).toInstant());
        assertThat(next.requests()).isEqualTo(2);
    }

    @Test
    void refusesARecordThatCannotBeMappedAndLoadsTheRestOfThePage() {
        invoices("1010", 1, 2);
        Map<String, Object> noDueDate = CubeLedger.invoice("1010", "1800000003", "17100003", "50.00", ISSUED, ISSUED);
        noDueDate.remove("NetDueDate");
        ledger.put(noDueDate);
        Map<String, Object> creditMemo = CubeLedger.invoice("1010", "1800000004", "17100003", "-20.00", ISSUED, ISSUED);
        creditMemo.put("DebitCreditCode", "H");
        ledger.put(creditMemo);
        invoices("1010", 5, 1);

        new SapSource(server).with("page-size", "10").feed().sync(FeedSyncRequest.full(), pages::add);

        FeedPage page = pages.get(0);
        assertThat(page.batch().rowsRead()).isEqualTo(5);
        assertThat(page.batch().rows()).hasSize(3);
        assertThat(page.batch().rejections()).hasSize(2);
        assertThat(page.batch().rejections().get(0).column()).isEqualTo("NetDueDate");
        assertThat(page.batch().rejections().get(0).reason()).contains("1010/2026/1800000003/001").contains("due-date is missing");
        assertThat(page.batch().rejections().get(0).raw()).contains("\"AccountingDocument\":\"1800000003\"");
        assertThat(page.batch().rejections().get(1).column()).isEqualTo("AmountInTransactionCurrency");
        assertThat(page.batch().rejections().get(1).reason()).contains("credit item of EUR -20.00");
        assertThat(page.seen()).hasSize(5);
        assertThat(page.unnamed()).isZero();
    }

    @Test
    void retriesAServerErrorA429AndADroppedConnectionAndHonoursRetryAfter() {
        invoices("1010", 1, 7);
        server.retryAfterSeconds(1);
        server.faults(Fault.NONE, Fault.SERVER_ERROR, Fault.TOO_MANY_REQUESTS, Fault.DROP_MID_BODY);
        SapSource source = new SapSource(server);

        FeedSyncResult result = source.feed().sync(FeedSyncRequest.full(), pages::add);

        assertThat(items(pages)).hasSize(7).extracting(i -> i.key().externalId()).doesNotHaveDuplicates();
        assertThat(result.requests()).isEqualTo(3 + 3);
        // the wait after the 429 is the server's Retry-After, capped by retry.max-wait (200ms), not the 5-20ms backoff
        assertThat(source.waits).hasSize(3);
        assertThat(source.waits.get(1)).isEqualTo(Duration.ofMillis(200));
        assertThat(source.waits.get(0)).isLessThan(Duration.ofMillis(200));
    }

    @Test
    void retriesAnAnswerThatTakesLongerThanTheTimeout() {
        invoices("1010", 1, 4);
        server.faults(Fault.NONE, Fault.SLOW);
        // far apart on purpose: the held answer never comes in time, a normal one always does
        SapSource source = new SapSource(server).with("timeout", "1s");

        source.feed().sync(FeedSyncRequest.full(), pages::add);

        assertThat(items(pages)).hasSize(4).extracting(i -> i.key().externalId()).doesNotHaveDuplicates();
        assertThat(source.waits).isNotEmpty();
        assertThat(server.requests().size()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void stopsWithFeedUnavailableWhenFaultsOutlastTheRetriesKeepingThePagesHandedOver() {
        invoices("1010", 1, 7);
        server.faults(Fault.NONE, Fault.SERVER_ERROR, Fault.SERVER_ERROR, Fault.SERVER_ERROR, Fault.SERVER_ERROR);

        assertThatThrownBy(() -> new SapSource(server).feed().sync(FeedSyncRequest.full(), pages::add))
                .isInstanceOf(FeedUnavailable.class).hasMessageContaining("sap-de").hasMessageContaining("500")
                .hasMessageContaining("after 1 page");
        assertThat(pages).hasSize(1);
        assertThat(server.requests()).hasSize(1 + 4);
    }

    @Test
    void doesNotRetryRefusedCredentials() {
        invoices("1010", 1, 2);
        SapSource source = new SapSource(server).with("auth", Map.of("type", "basic", "user", "RECOUP_COMM", "password", "wrong"));

        assertThatThrownBy(() -> source.feed().sync(FeedSyncRequest.full(), pages::add))
                .isInstanceOf(FeedUnavailable.class).hasMessageContaining("401").hasMessageNotContaining("wrong");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void fetchesANewTokenWhenTheTokenExpiresMidSync() throws Exception {
        server.close();
        server = new SapTestServer(ledger, 0).oauth("recoup-client", "client-secret");
        invoices("1010", 1, 7);
        SapSource source = new SapSource(server).with("auth", Map.of("type", "oauth2", "client-id", "recoup-client",
                "client-secret", "client-secret", "token-url", server.baseUrl() + SapTestServer.TOKEN));

        source.feed().sync(FeedSyncRequest.full(), page -> {
            pages.add(page);
            if (pages.size() == 1) {
                server.expireTokens();
            }
        });

        assertThat(items(pages)).hasSize(7);
        assertThat(server.tokensIssued()).isEqualTo(2);
    }
}
