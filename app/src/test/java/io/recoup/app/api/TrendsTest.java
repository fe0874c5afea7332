package io.recoup.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.recoup.core.money.Money;
import io.recoup.core.reporting.ReceivablesHistory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class TrendsTest {
    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    /** Jan: 1,000 issued, due Feb; Feb: 500 issued, due Apr; 600 of Jan's cleared in Feb, the other 400 in Mar. */
    private static ReceivablesHistory ledger() {
        ReceivablesHistory h = new ReceivablesHistory(Currency.getInstance("EUR"), YearMonth.of(2024, 4), YearMonth.of(2026, 3));
        h.issued(YearMonth.of(2026, 1), YearMonth.of(2026, 2), eur("1000.00"));
        h.issued(YearMonth.of(2026, 2), YearMonth.of(2026, 4), eur("500.00"));
        h.cleared(YearMonth.of(2026, 2), YearMonth.of(2026, 2), eur("600.00"));
        h.cleared(YearMonth.of(2026, 3), YearMonth.of(2026, 2), eur("400.00"));
        return h;
    }

    @Test
    void givesBothDsosAndTheCollectionEffectivenessAtAMonthEnd() {
        Trends.MonthEnd march = Trends.monthEnd(ledger(), YearMonth.of(2026, 3), eur("1500.00"));
        assertThat(march.monthEnd()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(march.open()).isEqualByComparingTo("500.00");
        assertThat(march.current()).isEqualByComparingTo("500.00");
        assertThat(march.creditSales()).isEqualByComparingTo("0.00");
        // standard: 500 open x 90 days / 1,500 sold in them = 30.0
        assertThat(march.dsoStandard()).isEqualTo(new BigDecimal("30.0"));
        // countback: March sold nothing (31 days, 500 left), February's 500 uses it up exactly (28 days) = 59.0
        assertThat(march.dsoCountback()).isEqualTo(new BigDecimal("59.0"));
        // CEI: (900 at the end of Feb + 0 sold - 500) / (900 + 0 - 500 not yet due) = 100.0
        assertThat(march.cei()).isEqualTo(new BigDecimal("100.0"));
    }

    @Test
    void leavesAFigureEmptyWhenThereIsNothingToDivideBy() {
        Trends.MonthEnd december = Trends.monthEnd(ledger(), YearMonth.of(2025, 12), eur("0.00"));
        assertThat(december.open()).isEqualByComparingTo("0");
        assertThat(december.dsoStandard()).isNull();
        assertThat(december.dsoCountback()).isNull();
        assertThat(december.cei()).isNull();
    }
}
