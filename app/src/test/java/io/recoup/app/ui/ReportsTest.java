package io.recoup.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.recoup.store.report.DashboardReads.CurrencySum;
import io.recoup.store.report.DashboardReads.DueSum;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportsTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 31);

    private static DueSum due(String source, String currency, int daysAgo, long items, String open) {
        return new DueSum(source, currency, TODAY.minusDays(daysAgo), items, new BigDecimal(open));
    }

    @Test
    void agesEachSourceOnItsOwnAndNeverAddsCurrenciesTogether() {
        List<DueSum> sums = List.of(due("bc", "EUR", 10, 2, "100.00"), due("bc", "EUR", 20, 1, "50.50"),
                due("csv", "EUR", 95, 1, "70.00"), due("csv", "USD", -3, 4, "400.00"));
        assertThat(Reports.agingLines(sums, TODAY)).extracting(l -> l.source() + " " + l.currency() + " " + l.bucket() + " "
                + l.items() + " " + l.open().toPlainString())
                .containsExactly("bc EUR 1-30 3 150.50", "csv EUR 90+ 1 70.00", "csv USD not due 4 400.00");
    }

    @Test
    void totalsEveryBucketPerCurrencyForTheChartWithZeroWhereNothingIsOpen() {
        List<DueSum> sums = List.of(due("bc", "EUR", 10, 2, "100.00"), due("csv", "EUR", 95, 1, "70.00"),
                due("csv", "USD", -3, 4, "400.00"));
        assertThat(Reports.agingTotals(sums, TODAY)).satisfiesExactly(
                eur -> {
                    assertThat(eur.currency()).isEqualTo("EUR");
                    assertThat(eur.buckets()).containsExactly("not due", "1-30", "31-60", "61-90", "90+");
                    assertThat(eur.open()).usingElementComparator(BigDecimal::compareTo)
                            .containsExactly(BigDecimal.ZERO, new BigDecimal("100"), BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("70"));
                },
                usd -> assertThat(usd.open()).usingElementComparator(BigDecimal::compareTo)
                        .containsExactly(new BigDecimal("400"), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO));
    }

    @Test
    void computesDsoPerCurrencyFromTheSumsTheAgingReadsAddingUpTheSources() {
        // EUR: 300 open over two sources; 900 sold in the last 90 days -> standard 300 / 900 * 90 = 30 days; countback:
        // March (31 days to today) sold 200, February 100: 300 open = March's 200 (31 days) + 100 of February's 100
        // (28 days) -> 59 days. USD has nothing open, so no row, whatever it sold.
        List<DueSum> open = List.of(due("bc", "EUR", 10, 2, "100.00"), due("csv", "EUR", 40, 1, "200.00"));
        List<CurrencySum> lastDays = List.of(new CurrencySum("EUR", null, new BigDecimal("900.00")),
                new CurrencySum("USD", null, new BigDecimal("50.00")));
        List<CurrencySum> monthly = List.of(new CurrencySum("EUR", LocalDate.of(2026, 2, 1), new BigDecimal("100.00")),
                new CurrencySum("EUR", LocalDate.of(2026, 3, 1), new BigDecimal("200.00")),
                new CurrencySum("USD", LocalDate.of(2026, 3, 1), new BigDecimal("50.00")));
        assertThat(Reports.dso(open, lastDays, monthly, TODAY)).singleElement().satisfies(eur -> {
            assertThat(eur.currency()).isEqualTo("EUR");
            assertThat(eur.open()).isEqualByComparingTo("300");
            assertThat(eur.salesLastDays()).isEqualByComparingTo("900");
            assertThat(eur.standard()).isEqualByComparingTo("30");
            assertThat(eur.countback()).isEqualByComparingTo("59");
        });
    }
}
