package io.recoup.store.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.recoup.core.dunning.RiskScore;
import io.recoup.core.money.Money;
import io.recoup.store.Database;
import io.recoup.store.MutableClock;
import io.recoup.store.TestDatabase;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the planner reads: live steps kept on each item, batches of customers in order, risk from history. */
class CustomerCaseReaderIT {
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    private JdbcTemplate jdbc;
    private Database db;
    private CaseRows rows;
    private CustomerCaseReader dunning;

    @BeforeEach
    void freshDatabase() {
        DataSource dataSource = TestDatabase.fresh();
        jdbc = new JdbcTemplate(dataSource);
        db = new Database(dataSource, MutableClock.at(DAY));
        rows = new CaseRows(jdbc);
        dunning = new CustomerCaseReader(db);
    }

    private void action(long item, String step, String status) {
        jdbc.update("""
                insert into action (item_id, step_id, channel, template, scheduled_for, planned_on, policy_id, policy_version, reason,
                    status, created_at)
                values (?, ?, 'EMAIL', 'reminder-due', ?, ?, 'default', '1', 'test', ?, now())""", item, step, DAY, DAY, status);
    }

    private String liveSteps(long item) {
        return jdbc.queryForObject("select live_steps from open_item where id = ?", String.class, item);
    }

    /** An invoice of the customer's paid 40 days ago, ten days after its due date. */
    private void paidTenDaysLate(long customer) {
        long paid = rows.item(customer, "OLD-" + customer, DAY.minusDays(40), "0", "PAID");
        long receipt = jdbc.queryForObject("""
                insert into receipt (provider, provider_id, currency, amount, unallocated, origin, status, created_at)
                values ('bank', ?, 'EUR', 2000, 0, 'st.xml', 'MATCHED', now()) returning id""", Long.class, "E" + customer);
        jdbc.update("insert into allocation (receipt_id, item_id, currency, amount, rule, created_at) values (?, ?, 'EUR', 2000, 'reference', ?)",
                receipt, paid, java.sql.Timestamp.valueOf(DAY.minusDays(30).atTime(12, 0)));
    }

    @Test
    void eachItemCarriesItsLiveStepsWhateverChangesTheActions() {
        rows.customer(1);
        long item = rows.item(1, "INV-1", DAY, "100", "OPEN");
        assertThat(liveSteps(item)).isEmpty();
        action(item, "overdue-call", "TASK_OPEN");
        action(item, "due-email", "PLANNED");
        assertThat(liveSteps(item)).isEqualTo("due-email,overdue-call");
        jdbc.update("update action set status = 'FAILED' where step_id = 'due-email'");
        assertThat(liveSteps(item)).isEqualTo("overdue-call");
        // a failed step may be planned again, and a skipped one counts as taken
        action(item, "due-email", "SKIPPED");
        assertThat(liveSteps(item)).isEqualTo("due-email,overdue-call");
        jdbc.update("update action set status = 'CANCELLED' where step_id = 'overdue-call'");
        jdbc.update("delete from action where status = 'SKIPPED'");
        assertThat(liveSteps(item)).isEmpty();
        action(item, "due-email", "SENT");
        assertThat(db.inTransaction(() -> dunning.openCases(DAY))).singleElement()
                .satisfies(c -> assertThat(c.items().get(0).stepsDone()).containsExactly("due-email"));
    }

    @Test
    void anActionMovingBetweenStatusesThatTakeTheStepLeavesItsItemsRowAsItIs() {
        rows.customer(1);
        long item = rows.item(1, "INV-1", DAY, "100", "OPEN");
        action(item, "due-email", "PLANNED");
        String written = rowVersion(item);

        // as dispatch moves it: planned, being sent, sent; then a notice still being written has nothing to change
        for (String status : List.of("SENDING", "SENT")) {
            jdbc.update("update action set status = ? where item_id = ?", status, item);
            assertThat(rowVersion(item)).as(status).isEqualTo(written);
        }
        action(item, "overdue-call", "FAILED");
        assertThat(rowVersion(item)).isEqualTo(written);
        assertThat(liveSteps(item)).isEqualTo("due-email");

        // a bounce: the sent step fails and may be planned again, so the item is written
        jdbc.update("update action set status = 'FAILED' where item_id = ? and step_id = 'due-email'", item);
        assertThat(rowVersion(item)).isNotEqualTo(written);
        assertThat(liveSteps(item)).isEmpty();
    }

    /** The transaction that last wrote the item's row. */
    private String rowVersion(long item) {
        return jdbc.queryForObject("select xmin::text from open_item where id = ?", String.class, item);
    }

    @Test
    void namesEveryCustomerWithOpenItemsByTheLedgersIdAndName() {
        rows.customersAcrossThreeBatches(DAY);
        long second = 1 + CustomerCaseReader.CUSTOMERS_PER_BATCH;
        assertThat(dunning.customerNames()).containsOnlyKeys(1L, second, 3L * CustomerCaseReader.CUSTOMERS_PER_BATCH)
                .containsEntry(second, new CustomerName("C" + second, "Customer"));
    }

    @Test
    void readsEveryCustomerInCustomerOrderOneBatchOfIdsAtATime() {
        long[] ids = rows.customersAcrossThreeBatches(DAY);
        List<String> inOrder = List.of("1:A-1,A-3", ids[1] + ":S-1", ids[2] + ":T-2,T-1");

        assertThat(db.inTransaction(() -> dunning.openCases(DAY))).extracting(CaseRows::describe).isEqualTo(inOrder);
        assertThat(db.inTransaction(() -> dunning.openCases(DAY)).get(0).items().get(1).open()).isEqualTo(Money.of("25.50", "EUR"));
        // the ids 1 to 25,000, 25,001 to 50,000 and 50,001 to 75,000: one batch each
        List<List<String>> batches = new ArrayList<>();
        db.inTransaction(() -> {
            dunning.forEachBatch(DAY, batch -> batches.add(batch.stream().map(CaseRows::describe).toList()));
            return null;
        });
        assertThat(batches).containsExactly(inOrder.subList(0, 1), inOrder.subList(1, 2), inOrder.subList(2, 3));
    }

    @Test
    void scoresRiskFromPaymentHistoryAndTheOverdueItemsRead() {
        rows.customer(1);
        rows.customer(2);
        paidTenDaysLate(1);
        rows.item(1, "INV-1", DAY.minusDays(5), "2000", "OPEN");
        rows.item(1, "INV-2", DAY.plusDays(5), "900", "OPEN");
        rows.item(2, "INV-3", DAY.minusDays(5), "2000", "OPEN");

        Map<Long, RiskScore> risks = db.inTransaction(() -> dunning.openCases(DAY)).stream()
                .collect(Collectors.toMap(c -> c.customer().id(), c -> c.customer().risk()));
        // 10 days late on average: 20 points; 2000 overdue (the item due in five days does not count): 10 points
        assertThat(risks.get(1L).value()).isEqualTo(30);
        assertThat(risks.get(1L).reasons()).containsExactly("+20 pays 10.0 days late on average", "+10 has 2000 open and overdue");
        assertThat(risks.get(2L)).isEqualTo(RiskScore.unknown());
    }

    @Test
    void sumsTheOverdueExposureOfEachCurrencyApart() {
        rows.customer(1);
        paidTenDaysLate(1);
        rows.item(1, "INV-1", DAY.minusDays(5), "EUR", "400", "OPEN");
        rows.item(1, "INV-2", DAY.minusDays(3), "EUR", "200", "OPEN");
        rows.item(1, "INV-3", DAY.minusDays(5), "USD", "600", "OPEN");

        RiskScore risk = db.inTransaction(() -> dunning.openCases(DAY)).get(0).customer().risk();
        // 600 in each currency, not 1,200 in one: 5 points for the exposure, not 10
        assertThat(risk.reasons()).containsExactly("+20 pays 10.0 days late on average", "+5 has EUR 600 + USD 600 open and overdue");
        assertThat(risk.value()).isEqualTo(25);
    }
}
