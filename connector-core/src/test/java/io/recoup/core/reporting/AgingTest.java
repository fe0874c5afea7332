package io.recoup.core.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.recoup.core.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AgingTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 31);

    @Test
    void putsEachItemInTheBucketOfItsDaysPastDue() {
        assertThat(AgingBucket.of(TODAY.plusDays(3), TODAY)).isEqualTo(AgingBucket.NOT_DUE);
        assertThat(AgingBucket.of(TODAY, TODAY)).isEqualTo(AgingBucket.NOT_DUE);
        assertThat(AgingBucket.of(TODAY.minusDays(1), TODAY)).isEqualTo(AgingBucket.DAYS_1_30);
        assertThat(AgingBucket.of(TODAY.minusDays(30), TODAY)).isEqualTo(AgingBucket.DAYS_1_30);
        assertThat(AgingBucket.of(TODAY.minusDays(31), TODAY)).isEqualTo(AgingBucket.DAYS_31_60);
        assertThat(AgingBucket.of(TODAY.minusDays(60), TODAY)).isEqualTo(AgingBucket.DAYS_31_60);
        assertThat(AgingBucket.of(TODAY.minusDays(61), TODAY)).isEqualTo(AgingBucket.DAYS_61_90);
        assertThat(AgingBucket.of(TODAY.minusDays(90), TODAY)).isEqualTo(AgingBucket.DAYS_61_90);
        assertThat(AgingBucket.of(TODAY.minusDays(91), TODAY)).isEqualTo(AgingBucket.OVER_90);
    }

    @Test
    void sumsPerCurrencyAndBucketWithoutAddingCurrenciesTogether() {
        Aging aging = new Aging(TODAY)
                .add(TODAY.minusDays(5), 2, Money.of("100", "EUR"))
                .add(TODAY.minusDays(20), 1, Money.of("50.50", "EUR"))
                .add(TODAY.minusDays(5), 1, Money.of("70", "USD"))
                .add(TODAY.plusDays(10), 3, Money.of("300", "EUR"));

        assertThat(aging.rows()).extracting(r -> r.currency() + " " + r.bucket().label() + " " + r.items() + " " + r.open().amount())
                .containsExactly("EUR not due 3 300.00", "EUR 1-30 3 150.50", "USD 1-30 1 70.00");
    }

    @Test
    void computesDsoPerCurrencyAndNothingWithoutSales() {
        assertThat(DaysSalesOutstanding.standard(Money.of("1500", "EUR"), Money.of("4500", "EUR"), 90))
                .contains(new BigDecimal("30.0"));
        assertThat(DaysSalesOutstanding.standard(Money.of("1000", "EUR"), Money.of("3000", "EUR"), 90))
                .contains(new BigDecimal("30.0"));
        assertThat(DaysSalesOutstanding.standard(Money.of("1", "EUR"), Money.of("3", "EUR"), 90)).contains(new BigDecimal("30.0"));
        assertThat(DaysSalesOutstanding.standard(Money.of("2", "EUR"), Money.of("7", "EUR"), 90)).contains(new BigDecimal("25.7"));
        assertThat(DaysSalesOutstanding.standard(Money.of("100", "EUR"), Money.of("0", "EUR"), 90)).isEmpty();
    }
}
