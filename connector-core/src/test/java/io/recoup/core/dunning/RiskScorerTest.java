package io.recoup.core.dunning;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class RiskScorerTest {
    private final RiskScorer scorer = new RiskScorer();

    @Test
    void explainsEachFactorWithItsPoints() {
        RiskScore score = scorer.score(new PaymentBehaviour(12, new BigDecimal("9.6"), 1, new BigDecimal("12500"), 2));
        assertThat(score.value()).isEqualTo(19 + 10 + 15 + 10);
        assertThat(score.reasons()).containsExactly("+19 pays 9.6 days late on average", "+10 broke 1 promise(s) to pay",
                "+15 has 12500 open and overdue", "+10 2 message(s) bounced");
    }

    @Test
    void capsEachFactorAndTheTotal() {
        RiskScore score = scorer.score(new PaymentBehaviour(3, new BigDecimal("90"), 9, new BigDecimal("90000"), 9));
        assertThat(score.value()).isEqualTo(100);
        assertThat(score.reasons().get(0)).startsWith("+40 ");
    }

    @Test
    void aPunctualCustomerScoresZero() {
        assertThat(scorer.score(new PaymentBehaviour(20, BigDecimal.ZERO, 0, BigDecimal.ZERO, 0)))
                .isEqualTo(new RiskScore(0, java.util.List.of("pays on time")));
    }
}
