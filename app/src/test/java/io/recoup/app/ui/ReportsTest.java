package io.recoup.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

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
}
