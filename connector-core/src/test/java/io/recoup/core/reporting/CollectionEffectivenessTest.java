package io.recoup.core.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recoup.core.money.Money;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CollectionEffectivenessTest {
    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    @Test
    void isWhatWasCollectedOverWhatCouldHaveBeen() {
        // (10,000 + 5,000 - 6,000) / (10,000 + 5,000 - 4,000) = 9,000 / 11,000 = 81.818...
        assertThat(CollectionEffectiveness.index(eur("10000.00"), eur("5000.00"), eur("6000.00"), eur("4000.00")))
                .contains(new BigDecimal("81.8"));
    }

    @Test
    void isAHundredWhenAllThatIsLeftIsNotDueYet() {
        assertThat(CollectionEffectiveness.index(eur("800.00"), eur("200.00"), eur("300.00"), eur("300.00")))
                .contains(new BigDecimal("100.0"));
    }

    @Test
    void isEmptyWhenNothingCouldHaveBeenCollected() {
        assertThat(CollectionEffectiveness.index(eur("0.00"), eur("1000.00"), eur("1000.00"), eur("1000.00"))).isEmpty();
    }

    @Test
    void refusesToMixCurrencies() {
        assertThatThrownBy(() -> CollectionEffectiveness.index(eur("1.00"), Money.of("1.00", "USD"), eur("1.00"), eur("0.00")))
                .isInstanceOf(RuntimeException.class);
    }
}
