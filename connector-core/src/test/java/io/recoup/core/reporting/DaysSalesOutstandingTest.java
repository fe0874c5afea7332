package io.recoup.core.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recoup.core.money.Money;
import io.recoup.core.reporting.DaysSalesOutstanding.Period;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class DaysSalesOutstandingTest {
    private static Period eur(String sales, int days) {
        return new Period(Money.of(sales, "EUR"), days);
    }

    @Test
    void countsBackWholeMonthsAndTheShareOfTheMonthTheOpenAmountCoversInPart() {
        // 1,000 open; this month (10 days so far) sold 300, last month (28 days) 400, the one before (31 days) 600:
        // 10 + 28 days use up 700, the last 300 are half of 600 -> 15.5 days
        assertThat(DaysSalesOutstanding.countback(Money.of("1000", "EUR"), List.of(eur("300", 10), eur("400", 28), eur("600", 31))))
                .contains(new BigDecimal("53.5"));
    }

    @Test
    void countsOnlyAShareOfThisMonthWhenItsSalesCoverWhatIsOpen() {
        assertThat(DaysSalesOutstanding.countback(Money.of("150", "EUR"), List.of(eur("300", 10), eur("400", 28))))
                .contains(new BigDecimal("5.0"));
    }

    @Test
    void answersEveryPeriodsDaysWhenTheOpenAmountIsMoreThanAllTheirSales() {
        assertThat(DaysSalesOutstanding.countback(Money.of("5000", "EUR"), List.of(eur("300", 10), eur("400", 28))))
                .contains(new BigDecimal("38.0"));
    }

    @Test
    void hasNoCountbackWithoutSalesAndRefusesSalesInAnotherCurrency() {
        assertThat(DaysSalesOutstanding.countback(Money.of("100", "EUR"), List.of(eur("0", 30)))).isEmpty();
        assertThatThrownBy(() -> DaysSalesOutstanding.countback(Money.of("100", "EUR"), List.of(new Period(Money.of("50", "USD"), 30))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("USD");
    }

    @Test
    void standardDsoIsOpenOverSalesTimesTheDaysOfThePeriod() {
        assertThat(DaysSalesOutstanding.standard(Money.of("450", "EUR"), Money.of("900", "EUR"), 90)).contains(new BigDecimal("45.0"));
        assertThat(DaysSalesOutstanding.standard(Money.of("450", "EUR"), Money.of("0", "EUR"), 90)).isEmpty();
    }
}
