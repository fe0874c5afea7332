package io.recoup.store.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.recoup.core.dunning.Notice;
import io.recoup.core.dunning.NoticeLine;
import io.recoup.core.money.Money;
import io.recoup.core.policy.Channel;
import io.recoup.store.Database;
import io.recoup.store.MutableClock;
import io.recoup.store.TestDatabase;
import io.recoup.store.dispatch.NoticeRepository;
import io.recoup.store.plan.CaseRows;
import io.recoup.store.plan.SkippedSteps;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The dashboard's reads on a real PostgreSQL: pages that never overlap, whole streams, the order of needs a person. */
class DashboardReadsIT {
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    private JdbcTemplate jdbc;
    private Database db;
    private CaseRows rows;
    private DashboardReads reads;

    @BeforeEach
    void freshDatabase() {
        DataSource dataSource = TestDatabase.fresh();
        jdbc = new JdbcTemplate(dataSource);
        db = new Database(dataSource, MutableClock.at(DAY));
        rows = new CaseRows(jdbc);
        reads = new DashboardReads(db);
    }

    @Test
    void readsAListingPageByPageWithoutOverlapAndSaysWhenNoPageFollows() {
        rows.customer(1);
        for (int i = 0; i < 120; i++) {
            rows.item(1, "N-" + i, DAY.plusDays(i % 7), "10", "OPEN");
        }
        Listing items = DashboardTables.items(1);
        List<Object> seen = new ArrayList<>();
        Page page = reads.page(items, 0, 50);
        assertThat(page.rows()).hasSize(50);
        assertThat(page.hasNext()).isTrue();
        assertThat(page.hasPrevious()).isFalse();
        page.rows().forEach(r -> seen.add(r.get("item")));
        reads.page(items, 1, 50).rows().forEach(r -> seen.add(r.get("item")));
        Page last = reads.page(items, 2, 50);
        assertThat(last.rows()).hasSize(20);
        assertThat(last.hasNext()).isFalse();
        last.rows().forEach(r -> seen.add(r.get("item")));
        assertThat(seen).hasSize(120).doesNotHaveDuplicates();
    }

    @Test
    void streamsEveryRowInOrderAndTheHeaderEvenWhenNothingWaits() {
        List<List<String>> headers = new ArrayList<>();
        List<Map<String, Object>> streamed = new ArrayList<>();
        reads.stream(DashboardTables.exceptions(), headers::add, streamed::add);
        assertThat(headers).singleElement().satisfies(h -> assertThat(h).startsWith("receipt", "provider", "bank_reference"));
        assertThat(streamed).isEmpty();

        receipt("R-2", "30.00");
        receipt("R-1", "12.00");
        reads.stream(DashboardTables.exceptions(), headers::add, streamed::add);
        assertThat(streamed).extracting(r -> r.get("bank_reference")).containsExactly("R-2", "R-1");
    }

    @Test
    void putsTheRiskiestCustomersFirstThenTheLargestAmountsThenMoneyNobodyPlaced() {
        rows.customer(1);
        rows.customer(2);
        rows.customer(3);
        task(1, "promise-broken", 40, "40: +40 pays 20.0 days late on average", rows.item(1, "A-1", DAY.minusDays(20), "100", "OPEN"));
        task(2, "overdue-call", 70, "70: +40 pays 25.0 days late on average; +30 ...", rows.item(2, "B-1", DAY.minusDays(9), "50", "OPEN"));
        task(3, "overdue-call", 40, "40: +40 pays 20.0 days late on average", rows.item(3, "C-1", DAY.minusDays(9), "900", "OPEN"));
        receipt("R-9", "5000.00");

        List<Map<String, Object>> needs = reads.needsPerson(0, 10).rows();
        assertThat(needs).extracting(DashboardReadsIT::described)
                .containsExactly("task C2 70 50", "task C3 40 900", "broken promise C1 40 100", "exception null null 5000");
        assertThat((String) needs.get(3).get("reason")).contains("R-9").contains("no open item quotes it");
        assertThat((String) needs.get(0).get("risk_reasons")).startsWith("70: +40 pays 25.0 days late");
        List<Map<String, Object>> exported = new ArrayList<>();
        reads.stream(DashboardTables.needsPerson(), h -> { }, exported::add);
        assertThat(exported).extracting(DashboardReadsIT::described).isEqualTo(needs.stream().map(DashboardReadsIT::described).toList());
    }

    @Test
    void pagesNeedsAPersonWithoutOverlapInTheOrderOfTheWholeListInterleavingExceptionsByAmount() {
        for (int c = 1; c <= 30; c++) {
            rows.customer(c);
            task(c, "overdue-call", c % 3 == 0 ? 0 : 50, "x", rows.item(c, "I-" + c, DAY.minusDays(9), String.valueOf(10 * c), "OPEN"));
        }
        for (int r = 1; r <= 25; r++) {
            receipt("R-" + r, String.valueOf(7 * r));
        }
        List<String> paged = new ArrayList<>();
        Page page;
        int number = 0;
        do {
            page = reads.needsPerson(number++, 7);
            assertThat(page.rows()).hasSizeLessThanOrEqualTo(7);
            page.rows().forEach(r -> paged.add(described(r)));
        } while (page.hasNext());
        List<Map<String, Object>> whole = new ArrayList<>();
        reads.stream(DashboardTables.needsPerson(), h -> { }, whole::add);
        assertThat(paged).hasSize(55).doesNotHaveDuplicates().isEqualTo(whole.stream().map(DashboardReadsIT::described).toList());
        // risk 0 is a score (below 50), not "no score": those tasks come before the exceptions, which follow by amount
        assertThat(paged.get(0)).isEqualTo("task C29 50 290");
        assertThat(paged.subList(0, 20)).allMatch(d -> d.split(" ")[2].equals("50"));
        assertThat(paged.get(20)).isEqualTo("task C30 0 300");
        assertThat(paged.subList(30, 55)).allMatch(d -> d.startsWith("exception"));
        assertThat(reads.needsPerson(8, 7).rows()).isEmpty();
    }

    @Test
    void keepsATaskInItsPlannedPlaceAndShowsWhatIsOpenNowWhenItsItemsWerePaidSincePlanning() {
        rows.customer(1);
        rows.customer(2);
        long paid = rows.item(1, "A-1", DAY.minusDays(20), "800", "OPEN");
        long part = rows.item(1, "A-2", DAY.minusDays(20), "200", "OPEN");
        task(1, "overdue-call", 60, "60: pays late", paid, part);
        task(2, "overdue-call", 60, "60: pays late", rows.item(2, "B-1", DAY.minusDays(9), "500", "OPEN"));
        jdbc.update("update open_item set open_amount = 0, status = 'PAID' where id = ?", paid);
        jdbc.update("update open_item set open_amount = 50 where id = ?", part);

        List<Map<String, Object>> needs = reads.needsPerson(0, 10).rows();
        assertThat(needs).extracting(DashboardReadsIT::described).containsExactly("task C1 60 1000", "task C2 60 500");
        assertThat((BigDecimal) needs.get(0).get("open_now")).isEqualByComparingTo("50");
        assertThat((BigDecimal) needs.get(1).get("open_now")).isEqualByComparingTo("500");
    }

    @Test
    void pagesWhatIsScheduledInTheOrderOfTheWholeListingFromTheFirstRowsOfEachKind() {
        rows.customer(1);
        rows.customer(2);
        long a = rows.item(1, "A-1", DAY.plusDays(5), "100", "OPEN");
        long b = rows.item(2, "B-1", DAY.plusDays(5), "300", "OPEN");
        for (int k = 0; k < 10; k++) {
            // two notices a day over five days, the later one first in the table
            jdbc.update("""
                    insert into notice (customer_id, channel, template, lead_step, planned_on, send_after, policy_id, policy_version,
                        reason, facts, status, created_at) values (?, 'EMAIL', 'reminder', 'step-' || ?, ?, ?, 'default', '1', 'test',
                        '{}', 'PLANNED', now())""", 1 + k % 2, k, DAY.plusDays(k % 5),
                    Timestamp.valueOf(DAY.plusDays(k % 5).atTime(20 - k, 0)));
        }
        jdbc.update("""
                insert into promise_to_pay (item_id, promised_for, currency, amount, open_when_promised, created_by, created_at)
                values (?, ?, 'EUR', 50, 100, 'finance', now()), (?, ?, 'EUR', 10, 100, 'finance', now()),
                    (?, ?, 'EUR', 20, 300, 'finance', now())""", a, DAY.plusDays(1), a, DAY.plusDays(3), b, DAY.plusDays(3));
        long plan = jdbc.queryForObject("""
                insert into payment_plan (item_id, currency, open_when_agreed, created_by, created_at)
                values (?, 'EUR', 300, 'finance', now()) returning id""", Long.class, b);
        jdbc.update("insert into instalment (plan_id, seq, due, amount) values (?, 1, ?, 100), (?, 2, ?, 100), (?, 3, ?, 100)",
                plan, DAY.plusDays(2), plan, DAY.plusDays(3), plan, DAY.plusDays(20));

        List<String> whole = reads.page(DashboardTables.scheduled(DAY, 14), 0, 1000).rows().stream()
                .map(DashboardReadsIT::scheduled).toList();
        List<String> paged = new ArrayList<>();
        for (int number = 0; ; number++) {
            Page page = reads.scheduled(DAY, 14, number, 4);
            page.rows().forEach(r -> paged.add(scheduled(r)));
            if (!page.hasNext()) {
                break;
            }
        }
        assertThat(paged).isEqualTo(whole).hasSize(15);
        // on the third day: the instalment, the two notices by send time, then the two promises by id
        assertThat(whole.subList(8, 13)).containsExactly("2026-03-05 instalment due EUR 100.00 on B-1 (2)",
                "2026-03-05 notice EMAIL reminder (step-8)", "2026-03-05 notice EMAIL reminder (step-3)",
                "2026-03-05 promise due EUR 10.00 on A-1", "2026-03-05 promise due EUR 20.00 on B-1");
    }

    private static String scheduled(Map<String, Object> r) {
        return r.get("on_date") + " " + r.get("kind") + " " + r.get("what");
    }

    @Test
    void showsAStepThePolicyLeftOutOnTheCustomersTimelineWithWhy() {
        SkippedSteps skips = new SkippedSteps(db);
        rows.customer(1);
        skips.recordFirst(rows.item(1, "A-1", DAY.minusDays(4), "120", "OPEN"), "overdue-call",
                "its payment link was opened on 2026-03-01 (skip-if link-opened-within-days: 1)", DAY);
        rows.customer(2);
        skips.recordFirst(rows.item(2, "B-1", DAY.minusDays(4), "80", "OPEN"), "overdue-call", "read on 2026-03-01", DAY);

        List<Map<String, Object>> timeline = reads.page(DashboardTables.timeline(1), 0, 10).rows();

        assertThat(timeline).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("kind", "skipped step").containsEntry("what", "step overdue-call of A-1")
                    .containsEntry("status", "SKIPPED")
                    .containsEntry("detail", "its payment link was opened on 2026-03-01 (skip-if link-opened-within-days: 1)");
            assertThat(row.get("at")).isNotNull();
        });
    }

    @Test
    void servesEveryTableFromTheIndexOnItsFilterNotAScanOfTheLargeTables() {
        List<ScheduledPart> parts = DashboardTables.scheduledParts(DAY, 14);
        Map<Listing, List<String>> indexes = Map.of(
                parts.get(0).keys(), List.of("notice_planned"),
                parts.get(1).keys(), List.of("promise_to_pay_due"),
                parts.get(2).keys(), List.of("instalment_due"),
                DashboardTables.scheduled(DAY, 14), List.of("notice_planned", "promise_to_pay_due", "instalment_due"),
                DashboardTables.failed(), List.of("notice_failed"),
                DashboardTables.needsPersonTasks(), List.of("notice_needs_person_order"),
                DashboardTables.needsPersonExceptions(), List.of("receipt_waiting_amount"),
                DashboardTables.exceptions(), List.of("receipt_waiting"),
                DashboardTables.items(1), List.of("open_item_customer"),
                DashboardTables.timeline(1), List.of("notice_customer", "hold_customer", "open_item_customer"));
        ledgerOfSomeSize();
        db.inTransaction(() -> {
            // forbidding scans shows whether an index can answer each query
            jdbc.execute("set local enable_seqscan = off");
            indexes.forEach((listing, expected) -> {
                List<Object> args = new ArrayList<>(listing.args());
                args.addAll(List.of(51, 0L));
                String plan = String.join("\n", db.jdbc().queryForList("explain " + listing.sql() + " limit ? offset ?", String.class,
                        args.toArray()));
                assertThat(Stream.of("open_item", "notice", "receipt", "action", "allocation", "posting", "promise_to_pay",
                        "instalment", "hold")).as(listing.name() + "\n" + plan).noneMatch(t -> plan.contains("Seq Scan on " + t + " "));
                assertThat(plan).as(listing.name()).contains(expected);
            });
            String aging = String.join("\n", db.jdbc().queryForList("explain select source, currency, due_date, count(*), "
                    + "sum(open_amount) from open_item where status = 'OPEN' group by 1, 2, 3 order by 1, 2, 3", String.class));
            assertThat(aging).contains("Index Only Scan using open_item_aging");
        });
    }

    /**
     * 200 customers, 20,000 open items, and of each kind of row what a busy ledger has, mostly settled and far from today,
     * with fresh statistics: the planner then chooses as it would in production, which an empty table cannot show.
     */
    private void ledgerOfSomeSize() {
        jdbc.update("""
                insert into customer (id, source, external_id, name, language, time_zone, segment, updated_at)
                select n, 'test', 'C' || n, 'Customer ' || n, 'en', 'Europe/Berlin', 'b2b', now() from generate_series(1, 200) n""");
        jdbc.update("""
                insert into open_item (source, external_id, customer_id, number, issue_date, due_date, currency, original_amount,
                    ledger_open_amount, open_amount, status, creditor_reference, created_at, updated_at)
                select 'test', 'I-' || n, 1 + n % 200, 'I-' || n, date '2025-01-01' + n % 400, date '2025-02-01' + n % 400, 'EUR',
                    100, 100, 100, 'OPEN', 'RFI' || n, now(), now() from generate_series(1, 20000) n""");
        jdbc.update("""
                insert into notice (customer_id, channel, template, lead_step, planned_on, send_after, policy_id, policy_version, reason,
                    facts, status, created_at)
                select 1 + n % 200, 'EMAIL', 'reminder', 'due-email', date '2025-01-01' + n % 400, timestamp '2025-01-01' + n * interval '1 hour',
                    'default', '1', 'test', '{}', 'SENT', now() from generate_series(1, 20000) n""");
        // one notice in ten is a task a person has not done yet, with its risk and amount as the planner writes them
        jdbc.update("""
                update notice set status = 'TASK_OPEN', planned_risk = id % 97, planned_currency = 'EUR', planned_amount = 100 + id % 13
                where id % 10 = 0""");
        jdbc.update("""
                insert into action (item_id, step_id, channel, template, scheduled_for, planned_on, policy_id, policy_version, reason,
                    status, created_at, notice_id)
                select id, 'call', 'TASK', 'call', date '2025-01-01', date '2025-01-01', 'default', '1', 'test', 'TASK_OPEN', now(), id
                from notice where status = 'TASK_OPEN'""");
        jdbc.update("""
                insert into promise_to_pay (item_id, promised_for, currency, amount, open_when_promised, created_by, created_at)
                select id, date '2025-01-01' + (id % 300)::int, 'EUR', 10, 100, 'test', now() from open_item""");
        jdbc.update("""
                insert into payment_plan (item_id, currency, open_when_agreed, created_by, created_at)
                select id, 'EUR', 100, 'test', now() from open_item where id % 4 = 0""");
        jdbc.update("""
                insert into instalment (plan_id, seq, due, amount)
                select p.id, s, date '2025-01-01' + (p.id % 300)::int + s * 30, 25 from payment_plan p, generate_series(1, 4) s""");
        jdbc.update("""
                insert into receipt (provider, provider_id, currency, amount, unallocated, origin, status, created_at)
                select 'camt', 'R' || n, 'EUR', 100, 0, 'test.xml', 'MATCHED', now() from generate_series(1, 20000) n""");
        // and some money the matcher could not place
        jdbc.update("update receipt set status = 'UNMATCHED', unallocated = 1 + id % 97 where id % 40 = 0");
        jdbc.update("""
                insert into hold (customer_id, item_id, kind, reason, since, created_by, created_at, released_at)
                select 1 + n % 200, null, 'BLOCK', 'test', date '2025-01-01', 'test', now(), now() from generate_series(1, 2000) n""");
        jdbc.execute("analyze");
    }

    /** A task written as the planner writes it (risk and amount on the notice), then opened as dispatch opens it. */
    private void task(long customer, String step, int risk, String riskFacts, long... items) {
        List<NoticeLine> lines = new ArrayList<>();
        for (long item : items) {
            BigDecimal open = jdbc.queryForObject("select open_amount from open_item where id = ?", BigDecimal.class, item);
            lines.add(new NoticeLine(item, "N" + item, step, 9, Money.of(open, Money.currencyOf("EUR")), Optional.empty()));
        }
        long notice = new NoticeRepository(db).insert(new Notice(customer, Channel.TASK, "call", step, lines, DAY,
                DAY.atStartOfDay().toInstant(ZoneOffset.UTC), "a person should call", Map.of("risk", riskFacts), risk),
                "default", "1", "{\"risk\": \"" + riskFacts + "\"}").orElseThrow();
        jdbc.update("update notice set status = 'TASK_OPEN' where id = ?", notice);
        jdbc.update("update action set status = 'TASK_OPEN' where notice_id = ?", notice);
    }

    private static String described(Map<String, Object> r) {
        return r.get("kind") + " " + r.get("customer") + " " + r.get("risk") + " "
                + ((BigDecimal) r.get("amount")).stripTrailingZeros().toPlainString();
    }

    private void receipt(String reference, String amount) {
        jdbc.update("""
                insert into receipt (provider, provider_id, currency, amount, unallocated, booked_on, origin, status, reason, created_at)
                values ('camt', ?, 'EUR', ?, ?, ?, 'test.xml', 'UNMATCHED', 'no open item quotes it', now())""",
                reference, new BigDecimal(amount), new BigDecimal(amount), DAY);
    }
}
