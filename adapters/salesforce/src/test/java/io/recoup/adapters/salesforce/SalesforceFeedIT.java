package io.recoup.adapters.salesforce;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.recoup.adapters.salesforce.SalesforceOrg.QUERY;
import static io.recoup.adapters.salesforce.SalesforceOrg.QUERY_ALL;
import static io.recoup.adapters.salesforce.SalesforceOrg.errors;
import static io.recoup.adapters.salesforce.SalesforceOrg.invoice;
import static io.recoup.adapters.salesforce.SalesforceOrg.nextPage;
import static io.recoup.adapters.salesforce.SalesforceOrg.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.recoup.core.ledger.LedgerRecord;
import io.recoup.core.ledger.OpenItemKey;
import io.recoup.core.port.FeedPage;
import io.recoup.core.port.FeedSyncRequest;
import io.recoup.core.port.FeedSyncResult;
import io.recoup.core.port.FeedUnavailable;
import io.recoup.core.port.OpenItemFeed;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The feed against a WireMock org: paging, incremental syncs, faults, expired sessions and records it cannot map. */
class SalesforceFeedIT {
    private static final String OPEN = "blng__InvoiceStatus__c IN ('Posted') AND blng__Balance__c > 0";

    private static final SalesforceOrg ORG = new SalesforceOrg();
    private SalesforceOrg org;
    private OpenItemFeed feed;
    private final List<FeedPage> pages = new ArrayList<>();

    @BeforeEach
    void start() {
        org = ORG.reset();
        org.tokenIs("token-1");
        feed = new SalesforceConnector().feed(org.settings(Map.of()));
    }

    @AfterAll
    static void stop() {
        ORG.close();
    }

    /** Three pages of 100 open invoices, 1..300, the last changed at 2026-11-22T10:00:{page}. */
    private void threePages(String firstPageQuery) {
        org.server.stubFor(org.query(firstPageQuery, OPEN).willReturn(page(invoices(1, 100), 300, "01gP-100")));
        org.server.stubFor(nextPage("01gP-100").willReturn(page(invoices(101, 200), 300, "01gP-200")));
        org.server.stubFor(nextPage("01gP-200").willReturn(page(invoices(201, 300), 300, null)));
    }

    private static List<ObjectNode> invoices(int from, int to) {
        return IntStream.rangeClosed(from, to)
                .mapToObj(n -> invoice(n, "1190.00", "Posted", "2026-11-22T10:00:0" + (n - 1) / 100 + ".000+0000"))
                .toList();
    }

    @Test
    void followsNextRecordsUrlOverThreePagesHandingEachOverInOrder() {
        threePages(QUERY);

        FeedSyncResult result = feed.sync(FeedSyncRequest.full(), pages::add);

        assertThat(result.pages()).isEqualTo(3);
        assertThat(result.requests()).isEqualTo(3);
        assertThat(result.watermark()).contains(Instant.parse("2026-11-22T10:00:02Z"));
        assertThat(pages).extracting(p -> p.batch().rows().size()).containsExactly(100, 100, 100);
        assertThat(pages.get(1).batch().origin()).isEqualTo("sf-test blng__Invoice__c page 2");
        LedgerRecord first = pages.get(0).batch().records().get(0);
        assertThat(first.item().key()).isEqualTo(new OpenItemKey("sf-test", SalesforceOrg.id("a0B", 1)));
        assertThat(first.item().number()).isEqualTo("INV-000001");
        assertThat(first.item().openAmount().amount()).isEqualByComparingTo("1190.00");
        assertThat(first.customer().email()).contains("ap1@customer.example");
        assertThat(first.customer().name()).isEqualTo("Customer 1");
        assertThat(first.customer().timeZone().getId()).isEqualTo("Europe/Berlin");
        List<LoggedRequest> asked = org.server.findAll(getRequestedFor(urlPathEqualTo(QUERY)));
        assertThat(asked).singleElement().satisfies(r -> {
            assertThat(r.queryParameter("q").firstValue()).contains("blng__BillToContact__r.Email")
                    .contains("FROM blng__Invoice__c WHERE " + OPEN);
            assertThat(r.getHeader("Sforce-Query-Options")).isEqualTo("batchSize=200");
            assertThat(r.getHeader("Authorization")).isEqualTo("Bearer token-1");
        });
    }

    @Test
    void incrementalSyncAsksOnlyForChangesSinceTheWatermarkAndReportsPaidAndDeletedAsClosed() {
        threePages(QUERY);
        FeedSyncResult full = feed.sync(FeedSyncRequest.full(), pages::add);
        pages.clear();
        // 1% of 300 changed: one part-paid, one paid, one deleted
        ObjectNode deleted = invoice(250, "1190.00", "Posted", "2026-11-23T08:00:02.000+0000");
        deleted.put("IsDeleted", true);
        org.server.stubFor(org.query(QUERY_ALL, "SystemModstamp >= 2026-11-22T10:00:02Z").willReturn(page(List.of(
                invoice(7, "500.00", "Posted", "2026-11-23T08:00:00.000+0000"),
                invoice(42, "0.00", "Posted", "2026-11-23T08:00:01.000+0000"), deleted), 3, null)));

        FeedSyncResult changes = feed.sync(FeedSyncRequest.changedSince(full.watermark().orElseThrow()), pages::add);

        assertThat(changes.requests()).isEqualTo(1);
        assertThat(changes.watermark()).contains(Instant.parse("2026-11-23T08:00:02Z"));
        List<LoggedRequest> incremental = org.server.findAll(getRequestedFor(urlPathEqualTo(QUERY_ALL)));
        assertThat(incremental).singleElement().satisfies(r -> assertThat(r.queryParameter("q").firstValue())
                .endsWith("FROM blng__Invoice__c WHERE SystemModstamp >= 2026-11-22T10:00:02Z ORDER BY SystemModstamp")
                .contains("IsDeleted"));
        FeedPage page = pages.get(0);
        assertThat(page.batch().records()).singleElement()
                .satisfies(r -> assertThat(r.item().openAmount().amount()).isEqualByComparingTo("500.00"));
        assertThat(page.closed()).containsExactly(
                new FeedPage.Closed(key(42), "blng__Balance__c is 0.00"),
                new FeedPage.Closed(key(250), "deleted in Salesforce"));
        assertThat(page.seen()).containsExactlyInAnyOrder(key(7), key(42), key(250));
    }

    @Test
    void theWatermarkNeverPassesTheMomentTheSyncBegan() {
        threePages(QUERY);
        Instant began = Instant.parse("2026-11-22T10:00:01.500Z");
        OpenItemFeed feedStartedBeforeTheLastChange = new SalesforceConnector(Clock.fixed(began, ZoneOffset.UTC))
                .feed(org.settings(Map.of()));

        FeedSyncResult result = feedStartedBeforeTheLastChange.sync(FeedSyncRequest.full(), pages::add);

        assertThat(result.watermark()).contains(began);
    }

    @Test
    void anIncrementalSyncReportsACancelledInvoiceClosedWithItsStatus() {
        org.server.stubFor(org.query(QUERY_ALL, "SystemModstamp >=").willReturn(page(List.of(
                invoice(9, "1190.00", "Cancelled", "2026-11-23T08:00:00.000+0000")), 1, null)));

        feed.sync(FeedSyncRequest.changedSince(Instant.parse("2026-11-23T07:59:59.750Z")), pages::add);

        assertThat(pages.get(0).closed()).containsExactly(new FeedPage.Closed(key(9), "blng__InvoiceStatus__c is Cancelled"));
        assertThat(org.server.findAll(getRequestedFor(urlPathEqualTo(QUERY_ALL))).get(0).queryParameter("q").firstValue())
                .contains("SystemModstamp >= 2026-11-23T07:59:59Z");
    }

    @Test
    void retriesAServerErrorAndAConnectionDroppedMidPage() {
        threePages(QUERY);
        org.server.stubFor(nextPage("01gP-100").inScenario("page 2").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(errors(500, "UNKNOWN_EXCEPTION", "An unexpected error occurred")).willSetStateTo("500 seen"));
        org.server.stubFor(nextPage("01gP-100").inScenario("page 2").whenScenarioStateIs("500 seen")
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                        // the page starts, then the connection breaks: too late for the JDK to resend on its own
                        .withFault(Fault.MALFORMED_RESPONSE_CHUNK)).willSetStateTo("dropped"));
        org.server.stubFor(nextPage("01gP-100").inScenario("page 2").whenScenarioStateIs("dropped")
                .willReturn(page(invoices(101, 200), 300, "01gP-200")));

        FeedSyncResult result = feed.sync(FeedSyncRequest.full(), pages::add);

        assertThat(result.pages()).isEqualTo(3);
        assertThat(result.requests()).isEqualTo(5);
        assertThat(pages).flatExtracting(p -> p.batch().records()).hasSize(300).doesNotHaveDuplicates();
        org.server.verify(3, getRequestedFor(urlEqualTo(QUERY + "/01gP-100")));
    }

    @Test
    void waitsOutARequestLimitWithRetryAfterAndGoesOn() {
        threePages(QUERY);
        org.server.stubFor(nextPage("01gP-200").inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(errors(429, "REQUEST_LIMIT_EXCEEDED", "ConcurrentPerOrgLongTxn Limit exceeded.")
                        .withHeader("Retry-After", "1"))
                .willSetStateTo("waited"));
        org.server.stubFor(nextPage("01gP-200").inScenario("limit").whenScenarioStateIs("waited")
                .willReturn(page(invoices(201, 300), 300, null)));

        FeedSyncResult result = feed.sync(FeedSyncRequest.full(), pages::add);

        assertThat(result.pages()).isEqualTo(3);
        assertThat(pages.get(2).batch().rows()).hasSize(100);
        org.server.verify(2, getRequestedFor(urlEqualTo(QUERY + "/01gP-200")));
    }

    @Test
    void fetchesANewTokenOnceWhenTheSessionExpiresMidSync() {
        threePages(QUERY);
        org.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/services/oauth2/token"))
                .inScenario("token").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(org.token("token-1")))
                .willSetStateTo("issued"));
        org.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/services/oauth2/token"))
                .inScenario("token").whenScenarioStateIs("issued")
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(org.token("token-2"))));
        org.server.stubFor(nextPage("01gP-100").withHeader("Authorization", equalTo("Bearer token-1"))
                .willReturn(errors(401, "INVALID_SESSION_ID", "Session expired or invalid")));

        FeedSyncResult result = feed.sync(FeedSyncRequest.full(), pages::add);

        assertThat(result.pages()).isEqualTo(3);
        org.server.verify(2, postRequestedFor(urlEqualTo("/services/oauth2/token")));
        org.server.verify(getRequestedFor(urlEqualTo(QUERY + "/01gP-200")).withHeader("Authorization", equalTo("Bearer token-2")));
    }

    @Test
    void stopsWithFeedUnavailableWhenANewTokenIsRefusedTooKeepingThePagesHandedOver() {
        threePages(QUERY);
        org.server.stubFor(nextPage("01gP-100").willReturn(errors(401, "INVALID_SESSION_ID", "Session expired or invalid")));

        assertThatThrownBy(() -> feed.sync(FeedSyncRequest.full(), pages::add))
                .isInstanceOf(FeedUnavailable.class)
                .hasMessageContaining("sf-test").hasMessageContaining("401 INVALID_SESSION_ID")
                .hasMessageNotContaining("token-1");
        assertThat(pages).hasSize(1);
        org.server.verify(2, getRequestedFor(urlEqualTo(QUERY + "/01gP-100")));
    }

    @Test
    void givesUpAfterTheConfiguredAttemptsWhenTheServerKeepsFailing() {
        threePages(QUERY);
        org.server.stubFor(nextPage("01gP-200").willReturn(errors(503, "SERVER_UNAVAILABLE", "down for maintenance")));

        assertThatThrownBy(() -> feed.sync(FeedSyncRequest.full(), pages::add))
                .isInstanceOf(FeedUnavailable.class).hasMessageContaining("after 2 pages")
                .hasMessageContaining("503 SERVER_UNAVAILABLE");
        assertThat(pages).hasSize(2);
        org.server.verify(3, getRequestedFor(urlEqualTo(QUERY + "/01gP-200")));
    }

    @Test
    void aMalformedQueryIsNotRetried() {
        org.server.stubFor(org.query(QUERY, "FROM").willReturn(errors(400, "INVALID_FIELD",
                "No such column 'blng__DueDate__c' on entity 'blng__Invoice__c'")));

        assertThatThrownBy(() -> feed.sync(FeedSyncRequest.full(), pages::add))
                .isInstanceOf(FeedUnavailable.class).hasMessageContaining("400 INVALID_FIELD");
        org.server.verify(1, getRequestedFor(urlPathEqualTo(QUERY)));
    }

    @Test
    void refusesARecordItCannotMapWithFieldAndReasonAndLoadsTheRestOfThePage() {
        ObjectNode noDueDate = invoice(2, "1190.00", "Posted", "2026-11-22T10:00:00.000+0000");
        noDueDate.putNull("blng__DueDate__c");
        ObjectNode noId = invoice(4, "1190.00", "Posted", "2026-11-22T10:00:00.000+0000");
        noId.remove("Id");
        org.server.stubFor(org.query(QUERY, OPEN).willReturn(page(List.of(
                invoice(1, "1190.00", "Posted", "2026-11-22T10:00:00.000+0000"), noDueDate,
                invoice(3, "1190.00", "Posted", "2026-11-22T10:00:00.000+0000"), noId), 4, null)));

        feed.sync(FeedSyncRequest.full(), pages::add);

        FeedPage page = pages.get(0);
        assertThat(page.batch().rowsRead()).isEqualTo(4);
        assertThat(page.batch().records()).extracting(r -> r.item().number()).containsExactly("INV-000001", "INV-000003");
        assertThat(page.batch().rejections()).hasSize(2);
        assertThat(page.batch().rejections().get(0)).satisfies(r -> {
            assertThat(r.line()).isEqualTo(2);
            assertThat(r.column()).isEqualTo("blng__DueDate__c");
            assertThat(r.reason()).contains("is empty");
            assertThat(r.raw()).contains("INV-000002");
        });
        assertThat(page.batch().rejections().get(1).column()).isEqualTo("Id");
        assertThat(page.unnamed()).isEqualTo(1);
        assertThat(page.seen()).containsExactlyInAnyOrder(key(1), key(2), key(3));
    }

    @Test
    void readsTheStandardInvoiceObjectThroughItsPreset() {
        OpenItemFeed standard = new SalesforceConnector().feed(org.settings(Map.of("mapping", Map.of("preset", "invoice"))));
        ObjectNode record = SalesforceClient.JSON.createObjectNode();
        record.putObject("attributes").put("type", "Invoice");
        record.put("Id", "3ttxx0000000001AAA").put("DocumentNumber", "INV-2026-1").put("BillingAccountId", "001xx01")
                .put("InvoiceDate", "2026-11-01").put("DueDate", "2026-11-15").put("Balance", new java.math.BigDecimal("80.00"))
                .put("TotalAmountWithTax", new java.math.BigDecimal("119.00")).put("CurrencyIsoCode", "USD")
                .put("Status", "Posted").put("SystemModstamp", "2026-11-20T09:30:00.000+0000");
        record.putObject("BillingAccount").put("Name", "Acme Corp");
        record.putNull("BillToContact");
        org.server.stubFor(org.query(QUERY, "FROM Invoice WHERE Status IN ('Posted') AND Balance > 0")
                .willReturn(page(List.of(record), 1, null)));

        standard.sync(FeedSyncRequest.full(), pages::add);

        LedgerRecord read = pages.get(0).batch().records().get(0);
        assertThat(read.item().number()).isEqualTo("INV-2026-1");
        assertThat(read.item().openAmount().toString()).contains("80.00").contains("USD");
        assertThat(read.customer().name()).isEqualTo("Acme Corp");
        assertThat(read.customer().email()).isEmpty();
    }

    private static OpenItemKey key(int n) {
        return new OpenItemKey("sf-test", SalesforceOrg.id("a0B", n));
    }
}
