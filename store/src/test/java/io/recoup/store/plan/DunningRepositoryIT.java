package io.recoup.store.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recoup.core.dunning.CustomerCase;
import io.recoup.core.dunning.DunningItem;
import io.recoup.core.dunning.RiskScore;
import io.recoup.core.money.Money;
import io.recoup.store.Database;
import io.recoup.store.MutableClock;
import io.recoup.store.TestDatabase;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the planner reads: live steps kept on each item, batches of customers in order, risk from history. */
class DunningRepositoryIT {
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    private JdbcTemplate jdbc;
    private Database db;
    private DunningRepository dunning;

    @BeforeEach
    void freshDatabase() {
        DataSource dataSource = TestDatabase.fresh();
        jdbc = new JdbcTemplate(dataSource);
        db = new Database(dataSource, MutableClock.at(DAY));
        dunning = new DunningRepository(db);
    }

    private void customer(long id) {
        jdbc.update("insert into customer (id, source, external_id, name, email, language, time_zone, segment, updated_at) "
                + "values (?, 'test', ?, 'Customer', 'ap@example.com', 'en', 'Europe/Berlin', 'b2b', now())", id, "C" + id);
    }

    private long item(long customer, String number, LocalDate due, String open, String status) {
        return jdbc.queryForObject("""
                insert into open_item (source, external_id, customer_id, number, issue_date, due_date, currency, original_amount,
                    ledger_open_amount, open_amount, status, creditor_reference, created_at, updated_at)
                values ('test', ?, ?, ?, ?, ?, 'EUR', 2000, ?, ?, ?, ?, now(), now()) returning id""", Long.class,
                number, customer, number, due.minusDays(30), due, new java.math.BigDecimal(open), new java.math.BigDecimal(open),
                status, "RF" + number);
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

    @Test
    void eachItemCarriesItsLiveStepsWhateverChangesTheActions() {
        customer(1);
        long item = item(1, "INV-1", DAY, "100", "OPEN");
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
    void readsAndDecidesEveryCustomerInCustomerOrderAcrossBatches() {
        long second = 1 + DunningRepository.CUSTOMERS_PER_BATCH;
        long third = 3L * DunningRepository.CUSTOMERS_PER_BATCH;
        for (long id : new long[] {third, 1, second, 7}) {
            customer(id);
        }
        item(third, "T-2", DAY, "10", "OPEN");
        item(1, "A-1", DAY, "10", "OPEN");
        item(third, "T-1", DAY, "10", "OPEN");
        item(second, "S-1", DAY, "10", "OPEN");
        item(1, "A-2", DAY, "0", "PAID");
        item(7, "P-1", DAY, "0", "PAID");
        item(1, "A-3", DAY.plusDays(3), "25.50", "OPEN");

        Function<CustomerCase, String> describe = c -> c.customer().id() + ":"
                + c.items().stream().map(DunningItem::number).collect(Collectors.joining(","));
        List<String> decided = db.inTransaction(() -> dunning.decideEach(DAY, describe));
        assertThat(decided).containsExactly("1:A-1,A-3", second + ":S-1", third + ":T-2,T-1");
        assertThat(db.inTransaction(() -> dunning.openCases(DAY))).extracting(describe).isEqualTo(decided);
        assertThat(db.inTransaction(() -> dunning.openCases(DAY)).get(0).items().get(1).open()).isEqualTo(Money.of("25.50", "EUR"));

        assertThatThrownBy(() -> db.inTransaction(() -> dunning.decideEach(DAY, c -> {
            if (c.customer().id() == second) {
                throw new IllegalStateException("no plan for customer " + second);
            }
            return c;
        }))).isInstanceOf(IllegalStateException.class).hasMessage("no plan for customer " + second);
    }

    @Test
    void scoresRiskFromPaymentHistoryAndTheOverdueItemsRead() {
        customer(1);
        customer(2);
        long paid = item(1, "OLD-1", DAY.minusDays(40), "0", "PAID");
        item(1, "INV-1", DAY.minusDays(5), "2000", "OPEN");
        item(1, "INV-2", DAY.plusDays(5), "900", "OPEN");
        item(2, "INV-3", DAY.minusDays(5), "2000", "OPEN");
        long receipt = jdbc.queryForObject("""
                insert into receipt (provider, provider_id, currency, amount, unallocated, origin, status, created_at)
                values ('bank', 'E1', 'EUR', 2000, 0, 'st.xml', 'MATCHED', now()) returning id""", Long.class);
        jdbc.update("insert into allocation (receipt_id, item_id, currency, amount, rule, created_at) values (?, ?, 'EUR', 2000, 'reference', ?)",
                receipt, paid, java.sql.Timestamp.valueOf(DAY.minusDays(30).atTime(12, 0)));

        Map<Long, RiskScore> risks = db.inTransaction(() -> dunning.openCases(DAY)).stream()
                .collect(Collectors.toMap(c -> c.customer().id(), c -> c.customer().risk()));
        // 10 days late on average: 20 points; 2000 overdue (the item due in five days does not count): 10 points
        assertThat(risks.get(1L).value()).isEqualTo(30);
        assertThat(risks.get(1L).reasons()).containsExactly("+20 pays 10.0 days late on average", "+10 has 2000 open and overdue");
        assertThat(risks.get(2L)).isEqualTo(RiskScore.unknown());
    }
}
