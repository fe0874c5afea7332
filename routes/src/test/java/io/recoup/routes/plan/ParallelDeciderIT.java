package io.recoup.routes.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recoup.core.dunning.CustomerCase;
import io.recoup.store.Database;
import io.recoup.store.MutableClock;
import io.recoup.store.TestDatabase;
import io.recoup.store.plan.CaseRows;
import io.recoup.store.plan.CustomerCaseReader;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The planner's decider over the store's reader on a real PostgreSQL: every customer, in order, across batches. */
class ParallelDeciderIT {
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    private Database db;
    private CaseRows rows;
    private CustomerCaseReader reader;
    private ParallelDecider dunning;

    @BeforeEach
    void freshDatabase() {
        DataSource dataSource = TestDatabase.fresh();
        db = new Database(dataSource, MutableClock.at(DAY));
        rows = new CaseRows(new JdbcTemplate(dataSource));
        reader = new CustomerCaseReader(db);
        dunning = new ParallelDecider(reader);
    }

    @Test
    void readsAndDecidesEveryCustomerInCustomerOrderAcrossBatches() {
        long[] customers = rows.customersAcrossThreeBatches(DAY);
        long second = customers[1];
        long third = customers[2];

        Function<CustomerCase, String> describe = CaseRows::describe;
        List<String> decided = db.inTransaction(() -> dunning.decideEach(DAY, describe));
        assertThat(decided).containsExactly("1:A-1,A-3", second + ":S-1", third + ":T-2,T-1");
        assertThat(db.inTransaction(() -> reader.openCases(DAY))).extracting(describe).isEqualTo(decided);

        assertThatThrownBy(() -> db.inTransaction(() -> dunning.decideEach(DAY, c -> {
            if (c.customer().id() == second) {
                throw new IllegalStateException("no plan for customer " + second);
            }
            return c;
        }))).isInstanceOf(IllegalStateException.class).hasMessage("no plan for customer " + second);
    }
}
