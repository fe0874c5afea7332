package io.recoup.core.dunning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recoup.core.money.Money;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The risk score: capped, explained points per factor; overdue exposure weighed per currency. */
class RiskScorerTest {
    private final RiskScorer scorer = new RiskScorer();

    private static Map<Currency, Money> overdue(Money... amounts) {
        Map<Currency, Money> byCurrency = new HashMap<>();
        for (Money amount : amounts) {
            byCurrency.merge(amount.currency(), amount, Money::plus);
        }
        return byCurrency;
    }

    @Test
    void explainsEachFactorWithItsPoints() {
        RiskScore score = scorer.score(new PaymentBehaviour(12, new BigDecimal("9.6"), 1, overdue(Money.of("12500", "EUR")), 2));
        assertThat(score.value()).isEqualTo(19 + 10 + 15 + 10);
        assertThat(score.reasons()).containsExactly("+19 pays 9.6 days late on average", "+10 broke 1 promise(s) to pay",
                "+15 has 12500 open and overdue", "+10 2 message(s) bounced");
    }

    @Test
    void capsEachFactorAndTheTotal() {
        RiskScore score = scorer.score(new PaymentBehaviour(3, new BigDecimal("90"), 9, overdue(Money.of("90000", "EUR")), 9));
        assertThat(score.value()).isEqualTo(100);
        assertThat(score.reasons().get(0)).startsWith("+40 ");
    }

    @Test
    void aPunctualCustomerScoresZero() {
        assertThat(scorer.score(new PaymentBehaviour(20, BigDecimal.ZERO, 0, overdue(), 0)))
                .isEqualTo(new RiskScore(0, List.of("pays on time")));
    }

    @Test
    void neverAddsOverdueAmountsOfDifferentCurrenciesTogether() {
        // 1,200 in one currency would be over the 1,000 threshold (10 points); 600 in each of two is 600 at most (5)
        RiskScore twoCurrencies = scorer.score(new PaymentBehaviour(1, BigDecimal.ZERO, 0,
                overdue(Money.of("600", "USD"), Money.of("600", "EUR")), 0));
        RiskScore oneCurrency = scorer.score(new PaymentBehaviour(1, BigDecimal.ZERO, 0,
                overdue(Money.of("600", "EUR"), Money.of("600", "EUR")), 0));

        assertThat(twoCurrencies.value()).isEqualTo(5);
        assertThat(twoCurrencies.reasons()).containsExactly("+5 has EUR 600 + USD 600 open and overdue");
        assertThat(oneCurrency.value()).isEqualTo(10);
        assertThat(oneCurrency.reasons()).containsExactly("+10 has 1200 open and overdue");
    }

    @Test
    void scoresTheLargestExposureInItsOwnCurrencyUnits() {
        RiskScore score = scorer.score(new PaymentBehaviour(1, BigDecimal.ZERO, 0,
                overdue(Money.of("300", "EUR"), Money.of("12000", "CHF")), 0));

        assertThat(score.value()).isEqualTo(15);
        assertThat(score.reasons()).containsExactly("+15 has CHF 12000 + EUR 300 open and overdue");
    }

    @Test
    void refusesAnExposureFiledUnderAnotherCurrency() {
        assertThatThrownBy(() -> new PaymentBehaviour(1, BigDecimal.ZERO, 0,
                Map.of(Currency.getInstance("USD"), Money.of("600", "EUR")), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EUR 600.00 is filed under USD");
    }
}
