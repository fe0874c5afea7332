package io.recoup.store.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.recoup.core.money.Money;
import io.recoup.core.reporting.ReceivablesHistory;
import io.recoup.store.Database;
import io.recoup.store.MutableClock;
import io.recoup.store.TestDatabase;
import io.recoup.store.plan.CaseRows;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The flows that rebuild past month ends, on a real PostgreSQL with a small ledger whose history is known. */
class ReceivableFlowsIT {
    private static final YearMonth FIRST = YearMonth.of(2024, 4);
    private static final YearMonth LAST = YearMonth.of(2026, 3);
    private JdbcTemplate jdbc;
    private ReceivableFlows flows;

    @BeforeEach
    void smallLedger() {
        DataSource dataSource = TestDatabase.fresh();
        jdbc = new JdbcTemplate(dataSource);
        flows = new ReceivableFlows(new Database(dataSource, MutableClock.at(LocalDate.of(2026, 4, 15))));
        new CaseRows(jdbc).customer(1);
        // A: 1,000 issued 10 Jan, due 9 Feb; 600 allocated from a receipt booked 12 Feb, the other 400 paid in the ERP
        // (seen on 20 Mar)
        long a = item("A", "2026-01-10", "2026-02-09", "1000", "0", "PAID", "2026-03-20");
        allocate(receipt("r1", "600", LocalDate.of(2026, 2, 12)), a, "600", "2026-02-13");
        // B: 500 issued 5 Feb, due 6 Apr, open
        item("B", "2026-02-05", "2026-04-06", "500", "500", "OPEN", "2026-02-05");
        // C: 300 issued 3 Nov, due 3 Dec; 200 allocated on 18 Jan from a receipt without a booking date; 100 open
        long c = item("C", "2025-11-03", "2025-12-03", "300", "100", "OPEN", "2026-01-20");
        allocate(receipt("r2", "200", null), c, "200", "2026-01-18");
        // D: paid and gone long before the window: counts nowhere
        item("D", "2023-01-10", "2023-02-09", "700", "0", "PAID", "2023-02-20");
    }

    @Test
    void rebuildWhatWasOpenAndNotYetDueAtEachMonthsEnd() {
        ReceivablesHistory h = new ReceivablesHistory(Currency.getInstance("EUR"), FIRST, LAST);
        flows.issued(FIRST, LAST).forEach(f -> h.issued(f.month(), f.due(), Money.of(f.amount(), Money.currencyOf(f.currency()))));
        flows.cleared(FIRST, LAST).forEach(f -> h.cleared(f.month(), f.due(), Money.of(f.amount(), Money.currencyOf(f.currency()))));
        assertThat(h.total(YearMonth.of(2025, 10))).isEqualTo(Money.of("0.00", "EUR"));
        assertThat(h.total(YearMonth.of(2025, 12))).isEqualTo(Money.of("300.00", "EUR"));
        assertThat(h.current(YearMonth.of(2025, 12))).isEqualTo(Money.of("0.00", "EUR"));
        assertThat(h.total(YearMonth.of(2026, 1))).isEqualTo(Money.of("1100.00", "EUR"));
        assertThat(h.current(YearMonth.of(2026, 1))).isEqualTo(Money.of("1000.00", "EUR"));
        assertThat(h.total(YearMonth.of(2026, 2))).isEqualTo(Money.of("1000.00", "EUR"));
        assertThat(h.current(YearMonth.of(2026, 2))).isEqualTo(Money.of("500.00", "EUR"));
        assertThat(h.total(YearMonth.of(2026, 3))).isEqualTo(Money.of("600.00", "EUR"));
        assertThat(h.current(YearMonth.of(2026, 3))).isEqualTo(Money.of("500.00", "EUR"));
        assertThat(h.sales(YearMonth.of(2026, 2))).isEqualTo(Money.of("500.00", "EUR"));
    }

    @Test
    void sumsTheCreditSalesOfADayRange() {
        assertThat(flows.salesBetween(LocalDate.of(2026, 1, 10), LocalDate.of(2026, 2, 5)))
                .containsExactly(new DashboardReads.CurrencySum("EUR", null, new BigDecimal("500.0000")));
    }

    private long item(String number, String issued, String due, String original, String open, String status, String changed) {
        return jdbc.queryForObject("""
                insert into open_item (source, external_id, customer_id, number, issue_date, due_date, currency, original_amount,
                    ledger_open_amount, open_amount, status, creditor_reference, created_at, updated_at)
                values ('test', ?, 1, ?, ?::date, ?::date, 'EUR', ?::numeric, ?::numeric, ?::numeric, ?, ?, now(), ?)
                returning id""", Long.class, number, number, issued, due, original, open, open, status, "RF" + number,
                Timestamp.valueOf(changed + " 12:00:00"));
    }

    private long receipt(String id, String amount, LocalDate booked) {
        return jdbc.queryForObject("""
                insert into receipt (provider, provider_id, currency, amount, unallocated, booked_on, origin, status, created_at)
                values ('bank', ?, 'EUR', ?::numeric, 0, ?, 'test', 'MATCHED', now()) returning id""", Long.class, id, amount, booked);
    }

    private void allocate(long receipt, long item, String amount, String on) {
        jdbc.update("insert into allocation (receipt_id, item_id, currency, amount, rule, created_at) values (?, ?, 'EUR', ?::numeric, "
                + "'test', ?)", receipt, item, amount, Timestamp.valueOf(on + " 12:00:00"));
    }
}
