package io.recoup.core.dunning;

import static org.assertj.core.api.Assertions.assertThat;

import io.recoup.core.money.Money;
import io.recoup.core.policy.LateCharges;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LateChargeCalculatorTest {
    private final LateChargeCalculator calculator = new LateChargeCalculator(new LateCharges(Optional.of(new BigDecimal("8")),
            List.of(new LateCharges.ReferenceRate(LocalDate.of(2026, 1, 1), new BigDecimal("2.15")),
                    new LateCharges.ReferenceRate(LocalDate.of(2026, 7, 1), new BigDecimal("2.40"))),
            Map.of("EUR", Money.of("40.00", "EUR"))));

    @Test
    void chargesSimpleInterestAtReferencePlusMarginFromTheDayAfterDue() {
        // 10,000.00 x 10.15% x 30 / 365 = 83.4246... -> 83.42
        Charges charges = calculator.charges(Money.of("10000.00", "EUR"), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31)).orElseThrow();
        assertThat(charges.interest()).isEqualTo(Money.of("83.42", "EUR"));
        assertThat(charges.fixedCompensation()).isEqualTo(Money.of("40.00", "EUR"));
        assertThat(charges.total()).isEqualTo(Money.of("123.42", "EUR"));
        assertThat(charges.basis()).isEqualTo("30 day(s) at 10.15% (2.15% + 8 pp) from 2026-03-02; fixed compensation EUR 40.00");
    }

    @Test
    void splitsAtTheHalfYearWhenTheReferenceRateChanges() {
        // 20 days at 10.15% (11-30 June) + 10 days at 10.40% (1-10 July) on 3,650.00:
        // 3650 x 0.1015 x 20/365 = 20.30 ; 3650 x 0.1040 x 10/365 = 10.40 ; total 30.70
        Charges charges = calculator.charges(Money.of("3650.00", "EUR"), LocalDate.of(2026, 6, 10), LocalDate.of(2026, 7, 10)).orElseThrow();
        assertThat(charges.interest()).isEqualTo(Money.of("30.70", "EUR"));
        assertThat(charges.basis()).startsWith("20 day(s) at 10.15% (2.15% + 8 pp) from 2026-06-11; 10 day(s) at 10.4% (2.4% + 8 pp) from 2026-07-01");
    }

    @Test
    void chargesNothingBeforeOrOnTheDueDateAndNoFixedFeeInOtherCurrencies() {
        assertThat(calculator.charges(Money.of("100.00", "EUR"), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 1))).isEmpty();
        Charges dollars = calculator.charges(Money.of("100.00", "USD"), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 2)).orElseThrow();
        assertThat(dollars.fixedCompensation()).isEqualTo(Money.of("0.00", "USD"));
    }
}
