package io.recoup.store.plan;

import io.recoup.core.dunning.CustomerCase;
import io.recoup.core.dunning.DunningItem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes customers and open items straight into the tables the {@link CustomerCaseReader} reads, for the reader's
 * tests and the planning stage's. Shared with other modules through the store's test jar.
 */
public final class CaseRows {
    private final JdbcTemplate jdbc;

    public CaseRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A customer with this id, an e-mail address, Berlin time and the b2b segment. */
    public void customer(long id) {
        jdbc.update("insert into customer (id, source, external_id, name, email, language, time_zone, segment, updated_at) "
                + "values (?, 'test', ?, 'Customer', 'ap@example.com', 'en', 'Europe/Berlin', 'b2b', now())", id, "C" + id);
    }

    /**
     * Customers 1 and 7 (in the first batch of ids), {@code CUSTOMERS_PER_BATCH + 1} (the second) and
     * {@code 3 * CUSTOMERS_PER_BATCH} (the last id of the third), their items written out of customer order: customer
     * 1 has A-1 and A-3 (25.50, due three days after {@code day}) open and A-2 paid, the second S-1, the third T-2
     * then T-1, customer 7 only a paid item. Returns the ids of the three customers with open items, in order.
     */
    public long[] customersAcrossThreeBatches(LocalDate day) {
        long second = 1 + CustomerCaseReader.CUSTOMERS_PER_BATCH;
        long third = 3L * CustomerCaseReader.CUSTOMERS_PER_BATCH;
        for (long id : new long[] {third, 1, second, 7}) {
            customer(id);
        }
        item(third, "T-2", day, "10", "OPEN");
        item(1, "A-1", day, "10", "OPEN");
        item(third, "T-1", day, "10", "OPEN");
        item(second, "S-1", day, "10", "OPEN");
        item(1, "A-2", day, "0", "PAID");
        item(7, "P-1", day, "0", "PAID");
        item(1, "A-3", day.plusDays(3), "25.50", "OPEN");
        return new long[] {1, second, third};
    }

    /** A case as "customer id:item numbers", e.g. "1:A-1,A-3". */
    public static String describe(CustomerCase c) {
        return c.customer().id() + ":" + c.items().stream().map(DunningItem::number).collect(Collectors.joining(","));
    }

    /** A euro item of 2,000 with {@code open} still open; returns its id. */
    public long item(long customer, String number, LocalDate due, String open, String status) {
        return item(customer, number, due, "EUR", open, status);
    }

    /** An item of 2,000 in {@code currency} with {@code open} still open; returns its id. */
    public long item(long customer, String number, LocalDate due, String currency, String open, String status) {
        return jdbc.queryForObject("""
                insert into open_item (source, external_id, customer_id, number, issue_date, due_date, currency, original_amount,
                    ledger_open_amount, open_amount, status, creditor_reference, created_at, updated_at)
                values ('test', ?, ?, ?, ?, ?, ?, 2000, ?, ?, ?, ?, now(), now()) returning id""", Long.class,
                number, customer, number, due.minusDays(30), due, currency, new BigDecimal(open), new BigDecimal(open),
                status, "RF" + number);
    }
}
