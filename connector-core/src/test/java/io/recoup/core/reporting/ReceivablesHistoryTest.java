package io.recoup.core.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.recoup.core.money.Money;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class ReceivablesHistoryTest {
    private static final YearMonth NOV = YearMonth.of(2025, 11);
    private static final YearMonth DEC = YearMonth.of(2025, 12);
    private static final YearMonth JAN = YearMonth.of(2026, 1);
    private static final YearMonth FEB = YearMonth.of(2026, 2);
    private static final YearMonth MAR = YearMonth.of(2026, 3);
    private static final YearMonth APR = YearMonth.of(2026, 4);

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    /**
     * A: issued Jan, due Feb, 1,000; 600 cleared in Feb, 400 in Mar. B: issued Feb, due Apr, 500, open. C: issued Nov,
     * due Dec (both before the window), 300; 200 cleared in Jan.
     */
    private static ReceivablesHistory ledger() {
        ReceivablesHistory h = new ReceivablesHistory(Currency.getInstance("EUR"), JAN, MAR);
        h.issued(JAN, FEB, eur("1000.00"));
        h.cleared(FEB, FEB, eur("600.00"));
        h.cleared(MAR, FEB, eur("400.00"));
        h.issued(FEB, APR, eur("500.00"));
        h.issued(NOV, DEC, eur("300.00"));
        h.cleared(JAN, DEC, eur("200.00"));
        return h;
    }

    @Test
    void rebuildsWhatWasOpenAndWhatWasNotYetDueAtEachMonthsEnd() {
        ReceivablesHistory h = ledger();
        // Jan: A 1,000 + C 300 - 200 cleared; only A is not due yet
        assertThat(h.total(JAN)).isEqualTo(eur("1100.00"));
        assertThat(h.current(JAN)).isEqualTo(eur("1000.00"));
        // Feb: + B 500, - 600 of A; only B is not due yet
        assertThat(h.total(FEB)).isEqualTo(eur("1000.00"));
        assertThat(h.current(FEB)).isEqualTo(eur("500.00"));
        // Mar: - the last 400 of A; C's 100 is still open, overdue
        assertThat(h.total(MAR)).isEqualTo(eur("600.00"));
        assertThat(h.current(MAR)).isEqualTo(eur("500.00"));
        assertThat(h.sales(JAN)).isEqualTo(eur("1000.00"));
        assertThat(h.sales(FEB)).isEqualTo(eur("500.00"));
        assertThat(h.sales(MAR)).isEqualTo(eur("0.00"));
    }

    @Test
    void givesTheCollectionEffectivenessOfEachMonthFromTheRebuiltFigures() {
        ReceivablesHistory h = ledger();
        // Feb: (1,100 + 500 - 1,000) / (1,100 + 500 - 500) = 600 / 1,100 = 54.5
        assertThat(CollectionEffectiveness.index(h.total(JAN), h.sales(FEB), h.total(FEB), h.current(FEB)))
                .contains(new BigDecimal("54.5"));
        // Mar: (1,000 + 0 - 600) / (1,000 + 0 - 500) = 400 / 500 = 80.0
        assertThat(CollectionEffectiveness.index(h.total(FEB), h.sales(MAR), h.total(MAR), h.current(MAR)))
                .contains(new BigDecimal("80.0"));
    }
}
