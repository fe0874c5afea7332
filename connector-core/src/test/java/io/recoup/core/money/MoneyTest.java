package io.recoup.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recoup.core.ErrorCode;
import io.recoup.core.RecoupException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void holdsAmountsAtTheCurrencysScale() {
        assertThat(Money.of("12.5", "EUR").amount()).isEqualTo(new BigDecimal("12.50"));
        assertThat(Money.of("1200", "JPY").amount()).isEqualTo(new BigDecimal("1200"));
        assertThat(Money.of("1.5", "KWD").amount()).isEqualTo(new BigDecimal("1.500"));
    }

    @Test
    void refusesMoreDecimalsThanTheCurrencyAllowsInsteadOfRounding() {
        assertThatThrownBy(() -> Money.of("12.345", "EUR"))
                .isInstanceOf(RecoupException.class)
                .hasMessageContaining("12.345").hasMessageContaining("EUR")
                .extracting(e -> ((RecoupException) e).code()).isEqualTo(ErrorCode.MONEY_SCALE);
    }

    @Test
    void refusesToMixCurrencies() {
        Money euros = Money.of("10", "EUR");
        Money dollars = Money.of("10", "USD");
        assertThatThrownBy(() -> euros.plus(dollars)).hasMessageContaining("currencies differ");
        assertThatThrownBy(() -> euros.compareTo(dollars)).isInstanceOf(RecoupException.class);
    }

    @Test
    void addsAndSubtractsExactly() {
        Money total = Money.of("0.10", "EUR").plus(Money.of("0.20", "EUR"));
        assertThat(total).isEqualTo(Money.of("0.30", "EUR"));
        assertThat(total.minus(Money.of("0.30", "EUR")).isZero()).isTrue();
    }

    @Test
    void multiplyRoundsHalfEvenToTheCurrencysScale() {
        assertThat(Money.of("10.00", "EUR").multiply(new BigDecimal("0.00125")).amount()).isEqualTo(new BigDecimal("0.01"));
        assertThat(Money.of("10.00", "EUR").multiply(new BigDecimal("0.00135")).amount()).isEqualTo(new BigDecimal("0.01"));
        assertThat(Money.of("30.00", "EUR").multiply(new BigDecimal("0.00085")).amount()).isEqualTo(new BigDecimal("0.03"));
    }

    @Test
    void refusesThousandsSeparatorsAndCommasRatherThanGuessing() {
        assertThatThrownBy(() -> Money.of("1,234.50", "EUR")).hasMessageContaining("'1,234.50' is not a plain decimal");
        assertThatThrownBy(() -> Money.of("12,50", "EUR")).extracting(e -> ((RecoupException) e).code())
                .isEqualTo(ErrorCode.MONEY_FORMAT);
        assertThatThrownBy(() -> Money.of("10", "EURO")).hasMessageContaining("not an ISO 4217");
    }

    @Test
    void printsPlainAmountWithCurrency() {
        assertThat(Money.of("1234.5", "EUR")).hasToString("EUR 1234.50");
    }
}
