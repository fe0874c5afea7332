package io.recoup.store.report;

import io.recoup.store.Database;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * The flows that rebuild what was open at past month ends (connector-core's {@code ReceivablesHistory}): credit sales
 * by month issued and month due, and what cleared them by month cleared and month due. An allocation clears on its
 * receipt's booking day (the day it was made when the statement gave none); what the ledger cleared without an
 * allocation here (paid in the ERP, credited, closed) clears on the day Recoup last saw the item change, the nearest
 * date the store keeps. Months before {@code first} count as the month before it and months after {@code last} as
 * the month after it, so each query returns a few hundred sums read in one pass over the items, whatever their number.
 */
public final class ReceivableFlows {
    private final Database db;

    public ReceivableFlows(Database db) {
        this.db = db;
    }

    /** An amount of one currency in a month (the first of it), of items due in a month. */
    public record Flow(String currency, YearMonth month, YearMonth due, BigDecimal amount) {}

    /** Credit sales per currency, month issued and month due. */
    public List<Flow> issued(YearMonth first, YearMonth last) {
        return flows("""
                select currency, %s, %s, sum(original_amount) from open_item group by 1, 2, 3"""
                .formatted(clamp("issue_date"), clamp("due_date")), first, last);
    }

    /** Amounts that cleared items, per currency, month cleared (never before the item's issue) and month due. */
    public List<Flow> cleared(YearMonth first, YearMonth last) {
        return flows("""
                with cleared as (
                    select i.currency, greatest(coalesce(r.booked_on, a.created_at::date), i.issue_date) as on_date,
                        i.due_date, a.amount
                    from allocation a join receipt r on r.id = a.receipt_id join open_item i on i.id = a.item_id
                    union all
                    select i.currency, greatest(i.updated_at::date, i.issue_date), i.due_date,
                        greatest(i.original_amount - case when i.status = 'OPEN' then i.open_amount else 0 end
                            - coalesce(t.allocated, 0), 0)
                    from open_item i left join (select item_id, sum(amount) as allocated from allocation group by 1) t
                        on t.item_id = i.id
                    where i.status <> 'OPEN' or i.open_amount < i.original_amount)
                select currency, %s, %s, sum(amount) from cleared group by 1, 2, 3 having sum(amount) <> 0"""
                .formatted(clamp("on_date"), clamp("due_date")), first, last);
    }

    /** Credit sales per currency of the items issued after {@code after} and up to {@code upTo}. */
    public List<DashboardReads.CurrencySum> salesBetween(LocalDate after, LocalDate upTo) {
        return db.jdbc().query("""
                select currency, sum(original_amount) from open_item where issue_date > ? and issue_date <= ?
                group by 1 order by 1""", (rs, n) -> new DashboardReads.CurrencySum(rs.getString(1), null, rs.getBigDecimal(2)),
                after, upTo);
    }

    private List<Flow> flows(String sql, YearMonth first, YearMonth last) {
        LocalDate before = first.minusMonths(1).atDay(1);
        LocalDate after = last.plusMonths(1).atDay(1);
        // each clamp takes (after, before): two clamps per query
        return db.jdbc().query(sql, (rs, n) -> new Flow(rs.getString(1), YearMonth.from(rs.getDate(2).toLocalDate()),
                YearMonth.from(rs.getDate(3).toLocalDate()), rs.getBigDecimal(4)), after, before, after, before);
    }

    /** The first of the month of {@code column}, kept between the month before first and the month after last. */
    private static String clamp(String column) {
        return "greatest(least(date_trunc('month', " + column + ")::date, ?::date), ?::date)";
    }
}
