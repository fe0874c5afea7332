package io.recoup.core.reporting;

import io.recoup.core.money.Money;
import java.time.YearMonth;
import java.util.Currency;
import java.util.Map;
import java.util.TreeMap;

/**
 * What was open at each month's end, rebuilt from what the store keeps: each item's credit sale (issued in a month,
 * due in a month) and each amount that cleared it (in a month, of an item due in a month). At the end of month m the
 * receivables are the sales issued up to m less what cleared up to m; the current ones are those of items not yet due
 * (due after m). Months before {@code first} are summed into the month before it and months after {@code last} into
 * the month after it, so the store can group by month without reading every item's history. One currency.
 */
public final class ReceivablesHistory {
    private final Currency currency;
    private final YearMonth first;
    private final YearMonth last;
    /** issued month -> due month -> amount */
    private final Map<YearMonth, Map<YearMonth, Money>> issued = new TreeMap<>();
    /** cleared month -> due month -> amount */
    private final Map<YearMonth, Map<YearMonth, Money>> cleared = new TreeMap<>();

    public ReceivablesHistory(Currency currency, YearMonth first, YearMonth last) {
        if (currency == null || first == null || last == null || last.isBefore(first)) {
            throw new IllegalArgumentException("a receivables history has a currency and a first month not after its last");
        }
        this.currency = currency;
        this.first = first;
        this.last = last;
    }

    public YearMonth first() {
        return first;
    }

    public YearMonth last() {
        return last;
    }

    /** Items issued in {@code issuedIn}, due in {@code dueIn}, for {@code amount} (their original amount). */
    public void issued(YearMonth issuedIn, YearMonth dueIn, Money amount) {
        add(issued, issuedIn, dueIn, amount);
    }

    /** {@code amount} of items due in {@code dueIn} cleared (paid, allocated, credited, closed) in {@code clearedIn}. */
    public void cleared(YearMonth clearedIn, YearMonth dueIn, Money amount) {
        add(cleared, clearedIn, dueIn, amount);
    }

    /** Receivables open at the end of {@code month}. */
    public Money total(YearMonth month) {
        return upTo(issued, month, null).minus(upTo(cleared, month, null));
    }

    /** Receivables open at the end of {@code month} that were not yet due then. */
    public Money current(YearMonth month) {
        return upTo(issued, month, month).minus(upTo(cleared, month, month));
    }

    /** The credit sales of {@code month} (within first..last; outside it the months are summed, see above). */
    public Money sales(YearMonth month) {
        return issued.getOrDefault(clamp(month), Map.of()).values().stream().reduce(Money.zero(currency), Money::plus);
    }

    private Money upTo(Map<YearMonth, Map<YearMonth, Money>> flows, YearMonth month, YearMonth dueAfter) {
        Money sum = Money.zero(currency);
        for (Map.Entry<YearMonth, Map<YearMonth, Money>> e : flows.entrySet()) {
            if (e.getKey().isAfter(month)) {
                break;
            }
            for (Map.Entry<YearMonth, Money> byDue : e.getValue().entrySet()) {
                if (dueAfter == null || byDue.getKey().isAfter(dueAfter)) {
                    sum = sum.plus(byDue.getValue());
                }
            }
        }
        return sum;
    }

    private void add(Map<YearMonth, Map<YearMonth, Money>> flows, YearMonth in, YearMonth due, Money amount) {
        if (!amount.currency().equals(currency)) {
            throw new IllegalArgumentException("a " + currency + " history takes no " + amount.currencyCode());
        }
        flows.computeIfAbsent(clamp(in), k -> new TreeMap<>()).merge(clamp(due), amount, Money::plus);
    }

    private YearMonth clamp(YearMonth month) {
        if (month.isBefore(first)) {
            return first.minusMonths(1);
        }
        return month.isAfter(last) ? last.plusMonths(1) : month;
    }
}
