package io.recoup.routes.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.recoup.core.ledger.Customer;
import io.recoup.core.ledger.CustomerKey;
import io.recoup.core.ledger.LedgerRecord;
import io.recoup.core.ledger.OpenItem;
import io.recoup.core.ledger.OpenItemKey;
import io.recoup.core.ledger.Rejection;
import io.recoup.core.money.Money;
import io.recoup.core.port.FeedPage;
import io.recoup.core.port.FeedSyncRequest;
import io.recoup.core.port.FeedSyncResult;
import io.recoup.core.port.FeedUnavailable;
import io.recoup.core.port.LedgerBatch;
import io.recoup.core.port.OpenItemFeed;
import io.recoup.store.Database;
import io.recoup.store.EventLog;
import io.recoup.store.MutableClock;
import io.recoup.store.TestDatabase;
import io.recoup.store.ledger.LedgerRepository;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Syncing a source ledger read over an API, on a real PostgreSQL, against a feed the test scripts page by page (the
 * adapters' own tests run against real OData servers and the vendors' documented payloads).
 */
class SourceSyncIT {
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    private static final Instant T1 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-03-02T09:00:00Z");

    private final ScriptedFeed feed = new ScriptedFeed();
    private JdbcTemplate jdbc;
    private DataSource dataSource;
    private SourceSync sync;

    @BeforeEach
    void freshDatabase() {
        dataSource = TestDatabase.fresh();
        jdbc = new JdbcTemplate(dataSource);
        Database db = new Database(dataSource, MutableClock.at(DAY));
        sync = new SourceSync(feed, db, new LedgerRepository(db), new EventLog(db), MutableClock.at(DAY), Duration.ofMinutes(10),
                Duration.ofDays(1));
    }

    @Test
    void aFirstSyncIsFullStoresEveryPageAndKeepsTheWatermark() {
        feed.pages(List.of(page(1, item("1", "100.00"), item("2", "200.00")), page(2, item("3", "300.00"))), T1);

        SyncReport report = sync.sync();

        assertThat(feed.requests).containsExactly(FeedSyncRequest.full());
        assertThat(report.accounting()).isEqualTo("erp (full sync): 2 page(s), 3 records read, 3 loaded (3 new, 0 changed, "
                + "0 unchanged), 0 rejected, 0 closed");
        assertThat(jdbc.queryForList("select number || ' ' || open_amount || ' ' || status from open_item order by number", String.class))
                .containsExactly("INV-1 100.0000 OPEN", "INV-2 200.0000 OPEN", "INV-3 300.0000 OPEN");
        assertThat(jdbc.queryForObject("select watermark from source_sync where source = 'erp'", java.sql.Timestamp.class).toInstant())
                .isEqualTo(T1);
    }

    @Test
    void theNextSyncAsksOnlyForChangesSinceTheWatermarkLessTheOverlapAndTouchesOnlyThose() {
        feed.pages(List.of(page(1, item("1", "100.00"), item("2", "200.00"), item("3", "300.00"))), T1);
        sync.sync();
        feed.pages(List.of(page(1, item("2", "150.00"))), T2);

        SyncReport report = sync.sync();

        assertThat(feed.requests.get(1)).isEqualTo(FeedSyncRequest.changedSince(T1.minus(Duration.ofMinutes(10))));
        assertThat(report.accounting()).isEqualTo("erp (incremental sync): 1 page(s), 1 records read, 1 loaded (0 new, 1 changed, "
                + "0 unchanged), 0 rejected, 0 closed");
        assertThat(jdbc.queryForList("select number from open_item where version > 1 order by number", String.class))
                .containsExactly("INV-2");
        assertThat(jdbc.queryForObject("select watermark from source_sync", java.sql.Timestamp.class).toInstant()).isEqualTo(T2);
    }

    @Test
    void aRecordTheDatabaseRefusesIsRejectedAloneAndTheRestOfItsPageIsLoaded() {
        feed.pages(List.of(page(1, item("1", "100.00"), item("2", "123456789012345678.00"), item("3", "300.00"))), T1);

        SyncReport report = sync.sync();

        assertThat(report.inserted()).isEqualTo(2);
        assertThat(report.rejected()).isEqualTo(1);
        assertThat(jdbc.queryForList("select number from open_item order by number", String.class)).containsExactly("INV-1", "INV-3");
        assertThat(jdbc.queryForObject("select reason from quarantine", String.class)).startsWith("the database refused the record");
    }

    @Test
    void aRecordThePageCouldNotMapIsQuarantinedWithItsReason() {
        LedgerBatch batch = new LedgerBatch("erp page 1", 2, List.of(row(1, item("1", "100.00"))),
                List.of(new Rejection("erp page 1", 2, "dueDate", "not a date: 31.02.2026", "{\"id\":\"2\"}")), List.of());
        feed.pages(List.of(new FeedPage(batch, List.of(), Set.of(key("1"), key("2")), 0)), T1);

        SyncReport report = sync.sync();

        assertThat(report.accounting()).contains("2 records read, 1 loaded", "1 rejected");
        assertThat(jdbc.queryForObject("select reason from quarantine", String.class)).isEqualTo("not a date: 31.02.2026");
    }

    @Test
    void itemsTheSourceClosesAreClosedWithItsReasonAndOpenAgainWhenListedOpen() {
        feed.pages(List.of(page(1, item("1", "100.00"), item("2", "200.00"))), T1);
        sync.sync();
        feed.pages(List.of(new FeedPage(new LedgerBatch("erp page 1", 0, List.of(), List.of(), List.of()),
                List.of(new FeedPage.Closed(key("2"), "Canceled in the source")), Set.of(key("2")), 0)), T2);
        sync.sync();
        assertThat(jdbc.queryForMap("select status, closed_reason from open_item where external_id = '2'"))
                .containsEntry("status", "CLOSED").containsEntry("closed_reason", "Canceled in the source");

        feed.pages(List.of(page(1, item("2", "200.00"))), T2.plusSeconds(60));
        sync.sync();
        assertThat(jdbc.queryForMap("select status, closed_reason from open_item where external_id = '2'"))
                .containsEntry("status", "OPEN").containsEntry("closed_reason", null);
    }

    @Test
    void aFullSyncClosesWhatTheSourceNoLongerListsUnlessARecordCouldNotBeNamed() {
        feed.pages(List.of(page(1, item("1", "100.00"), item("2", "200.00"), item("3", "300.00"))), T1);
        sync.sync();
        LedgerBatch unnamed = new LedgerBatch("erp page 1", 2, List.of(row(1, item("1", "100.00"))),
                List.of(new Rejection("erp page 1", 2, "id", "no id", "{}")), List.of());
        feed.pages(List.of(new FeedPage(unnamed, List.of(), Set.of(key("1")), 1)), T2);

        sync.sync(FeedSyncRequest.full());
        assertThat(jdbc.queryForList("select status from open_item order by number", String.class)).containsOnly("OPEN");

        feed.pages(List.of(page(1, item("1", "100.00"))), T2);
        SyncReport report = sync.sync(FeedSyncRequest.full());
        assertThat(report.closed()).isEqualTo(2);
        assertThat(jdbc.queryForList("select number || ' ' || status || ' ' || coalesce(closed_reason, '') from open_item order by number",
                String.class)).containsExactly("INV-1 OPEN ", "INV-2 CLOSED no longer listed open by erp",
                "INV-3 CLOSED no longer listed open by erp");
    }

    @Test
    void anInvoiceNumberAnotherItemsReferenceAlreadyHasGivesTheNewItemAReferenceOfItsOwn() {
        LedgerRecord other = item("1", "100.00");
        LedgerRecord csv = new LedgerRecord(new Customer(new CustomerKey("csv", "C1"), "Customer 1", Optional.empty(), Optional.empty(),
                Locale.ENGLISH, ZoneId.of("Europe/Berlin"), "b2b"), new OpenItem(new OpenItemKey("csv", "1"), new CustomerKey("csv", "C1"),
                "INV-1", DAY.minusDays(30), DAY, other.item().originalAmount(), other.item().openAmount()));
        new LedgerRepository(new Database(dataSource, MutableClock.at(DAY))).upsertItem(csv, "RF47INV1");
        LedgerRecord look = item("2", "50.00");
        LedgerRecord alike = new LedgerRecord(look.customer(), new OpenItem(look.item().key(), look.item().customer(), "INV1",
                DAY.minusDays(30), DAY, look.item().originalAmount(), look.item().openAmount()));
        feed.pages(List.of(page(1, item("1", "100.00"), alike)), T1);

        SyncReport report = sync.sync();

        assertThat(report.inserted()).isEqualTo(2);
        assertThat(jdbc.queryForList("select creditor_reference from open_item order by id", String.class))
                .hasSize(3).doesNotHaveDuplicates().first().isEqualTo("RF47INV1");
    }

    @Test
    void aSyncThatStopsKeepsThePagesItStoredAndTheWatermarkWhereItWas() {
        feed.pages(List.of(page(1, item("1", "100.00"))), T1);
        sync.sync();
        feed.pages(List.of(page(1, item("2", "200.00")), page(2, item("3", "300.00"))), T2);
        feed.failAfter = 1;

        SyncReport report = sync.sync();

        assertThat(report.failure()).isEqualTo("erp: page 2 kept failing: HTTP 503");
        assertThat(jdbc.queryForList("select number from open_item order by number", String.class)).containsExactly("INV-1", "INV-2");
        assertThat(jdbc.queryForObject("select watermark from source_sync", java.sql.Timestamp.class).toInstant()).isEqualTo(T1);
        assertThat(jdbc.queryForObject("select last_outcome from source_sync", String.class)).endsWith("stopped: erp: page 2 kept failing: HTTP 503");
    }

    @Test
    void aCustomerOnManyPagesOfOneSyncKeepsTheVersionItsLastPageGives() {
        LedgerRecord first = item("1", "100.00");
        Customer renamed = new Customer(first.customer().key(), "Customer 1 renamed", Optional.of("new@example.com"),
                Optional.empty(), Locale.ENGLISH, ZoneId.of("Europe/Berlin"), "b2b");
        LedgerRecord third = item("3", "300.00", renamed);
        feed.pages(List.of(page(1, first), page(2, item("2", "200.00", first.customer())), page(3, third),
                page(4, item("4", "400.00", first.customer()))), T1);

        SyncReport report = sync.sync();

        assertThat(report.inserted()).isEqualTo(4);
        assertThat(jdbc.queryForList("select name || ' ' || email from customer", String.class))
                .containsExactly("Customer 1 ap1@example.com");
        assertThat(jdbc.queryForObject("select count(distinct customer_id) from open_item", Integer.class)).isEqualTo(1);
        feed.pages(List.of(page(1, first), page(2, third)), T2);
        sync.sync();
        assertThat(jdbc.queryForList("select name || ' ' || email from customer", String.class))
                .containsExactly("Customer 1 renamed new@example.com");
    }

    private static OpenItemKey key(String id) {
        return new OpenItemKey("erp", id);
    }

    private static LedgerRecord item(String id, String open) {
        return item(id, open, new Customer(new CustomerKey("erp", "C" + id), "Customer " + id,
                Optional.of("ap" + id + "@example.com"), Optional.empty(), Locale.ENGLISH, ZoneId.of("Europe/Berlin"), "b2b"));
    }

    private static LedgerRecord item(String id, String open, Customer customer) {
        Money amount = Money.of(new java.math.BigDecimal(open), Money.currencyOf("EUR"));
        return new LedgerRecord(customer, new OpenItem(key(id), customer.key(), "INV-" + id, DAY.minusDays(30), DAY, amount, amount));
    }

    private static LedgerBatch.Row row(long line, LedgerRecord record) {
        return new LedgerBatch.Row(line, "{\"id\":\"" + record.item().key().externalId() + "\"}", record);
    }

    private static FeedPage page(int number, LedgerRecord... records) {
        List<LedgerBatch.Row> rows = new ArrayList<>();
        for (int i = 0; i < records.length; i++) {
            rows.add(row(i + 1, records[i]));
        }
        LedgerBatch batch = new LedgerBatch("erp page " + number, rows.size(), rows, List.of(), List.of());
        return new FeedPage(batch, List.of(), rows.stream().map(r -> r.record().item().key()).collect(java.util.stream.Collectors.toSet()), 0);
    }

    /** A feed that hands over the pages the test set, and can stop with the source unavailable after some of them. */
    private static final class ScriptedFeed implements OpenItemFeed {
        final List<FeedSyncRequest> requests = new ArrayList<>();
        List<FeedPage> pages = List.of();
        Instant watermark;
        int failAfter = -1;

        void pages(List<FeedPage> next, Instant newWatermark) {
            pages = next;
            watermark = newWatermark;
            failAfter = -1;
        }

        @Override
        public String sourceName() {
            return "erp";
        }

        @Override
        public FeedSyncResult sync(FeedSyncRequest request, Consumer<FeedPage> handler) {
            requests.add(request);
            for (int i = 0; i < pages.size(); i++) {
                if (i == failAfter) {
                    throw new FeedUnavailable("erp", "page " + (i + 1) + " kept failing: HTTP 503", null);
                }
                handler.accept(pages.get(i));
            }
            return new FeedSyncResult(Optional.of(watermark), pages.size(), pages.size());
        }
    }
}
