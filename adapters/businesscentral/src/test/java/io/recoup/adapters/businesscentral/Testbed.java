package io.recoup.adapters.businesscentral;

import io.recoup.adapters.businesscentral.testserver.BcData;
import io.recoup.adapters.businesscentral.testserver.BusinessCentralServer;
import io.recoup.core.port.FeedPage;
import io.recoup.core.port.FeedSyncRequest;
import io.recoup.core.port.FeedSyncResult;
import io.recoup.core.port.OpenItemFeed;
import io.recoup.core.port.SourceSettings;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Test data and settings around one in-test Business Central: companies with customers and invoices, quick retries. */
final class Testbed implements AutoCloseable {
    static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

    final BcData data = new BcData();
    final BusinessCentralServer server = BusinessCentralServer.start(data);
    private int invoiceNumber = 100000;

    BcData.Company company(String name, int customers, int invoicesEach) {
        BcData.Company company = data.addCompany(name);
        for (int c = 0; c < customers; c++) {
            BcData.Customer customer = data.addCustomer(company.id(), new BcData.Customer(UUID.randomUUID(),
                    "C" + (10000 + c), "Customer " + c, "c" + c + "@example.com", "+4930" + c, "_x0020_", T0));
            for (int i = 0; i < invoicesEach; i++) {
                invoice(company, customer, "Open", new BigDecimal("100.00"));
            }
        }
        data.addJournal(company.id(), "RECOUP");
        return company;
    }

    BcData.Invoice invoice(BcData.Company company, BcData.Customer customer, String status, BigDecimal remaining) {
        return data.addInvoice(company.id(), new BcData.Invoice(UUID.randomUUID(), "SI" + invoiceNumber++,
                LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 1), customer.id(), customer.number(), "",
                new BigDecimal("100.00"), remaining, status, T0));
    }

    Map<String, Object> settings(String... companies) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("base-url", server.baseUrl());
        settings.put("companies", List.of(companies));
        settings.put("oauth", Map.of("token-url", server.tokenUrl(), "client-id", BusinessCentralServer.CLIENT_ID,
                "client-secret", BusinessCentralServer.CLIENT_SECRET));
        settings.put("page-size", "50");
        settings.put("local-currency", "EUR");
        settings.put("default-language", "de");
        settings.put("default-time-zone", "Europe/Berlin");
        settings.put("retry", Map.of("max-attempts", "4", "initial-wait", "1ms", "max-wait", "20ms"));
        settings.put("request-timeout", "10s");
        return settings;
    }

    OpenItemFeed feed(Map<String, Object> settings) {
        return new BusinessCentralConnector().feed(new SourceSettings("bc-test", settings));
    }

    /** A sync with every page collected. */
    record Synced(FeedSyncResult result, List<FeedPage> pages) {
        List<io.recoup.core.ledger.LedgerRecord> records() {
            return pages.stream().flatMap(p -> p.batch().records().stream()).toList();
        }

        List<FeedPage.Closed> closed() {
            return pages.stream().flatMap(p -> p.closed().stream()).toList();
        }
    }

    static Synced sync(OpenItemFeed feed, FeedSyncRequest request) {
        List<FeedPage> pages = new ArrayList<>();
        FeedSyncResult result = feed.sync(request, pages::add);
        return new Synced(result, pages);
    }

    @Override
    public void close() {
        server.close();
    }
}
