package io.recoup.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recoup.core.ErrorCode;
import io.recoup.core.RecoupException;
import io.recoup.core.money.Money;
import org.junit.jupiter.api.Test;

class OpenAmountsTest {
    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    @Test
    void subtractsWhatRecoupAllocatedButHasNotPostedBackYet() {
        assertThat(OpenAmounts.recoupOpen(eur("100"), eur("40"))).isEqualTo(eur("60.00"));
        assertThat(OpenAmounts.recoupOpen(eur("100"), eur("0"))).isEqualTo(eur("100.00"));
    }

    @Test
    void neverGoesBelowZeroWhenTheLedgerAlreadyKnowsPartOfThePayment() {
        assertThat(OpenAmounts.recoupOpen(eur("30"), eur("40"))).isEqualTo(eur("0.00"));
    }

    @Test
    void addsBackAReversalTheLedgerHasNotHeardOfYet() {
        // the ledger still says paid; Recoup took 100 back and has not posted the reversal yet
        assertThat(OpenAmounts.recoupOpen(eur("0"), eur("-100"))).isEqualTo(eur("100.00"));
    }

    @Test
    void anItemIsPaidExactlyWhenNothingIsOpen() {
        assertThat(OpenAmounts.statusOf(eur("0.01"))).isEqualTo(ItemStatus.OPEN);
        assertThat(OpenAmounts.statusOf(eur("0"))).isEqualTo(ItemStatus.PAID);
    }

    @Test
    void refusesAnAllocationLargerThanWhatIsOpenOrInAnotherCurrency() {
        assertThat(OpenAmounts.afterAllocation(eur("100"), eur("100"), "csv:1")).isEqualTo(eur("0.00"));
        assertThatThrownBy(() -> OpenAmounts.afterAllocation(eur("100"), eur("100.01"), "csv:1"))
                .isInstanceOfSatisfying(RecoupException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ALLOCATION))
                .hasMessageContaining("csv:1");
        assertThatThrownBy(() -> OpenAmounts.afterAllocation(eur("100"), Money.of("10", "USD"), "csv:1"))
                .isInstanceOf(RecoupException.class);
        assertThatThrownBy(() -> OpenAmounts.afterAllocation(eur("100"), eur("0"), "csv:1")).isInstanceOf(RecoupException.class);
    }

    @Test
    void reopensByWhatWasTakenBack() {
        assertThat(OpenAmounts.afterReturn(eur("0"), eur("25.50"), "csv:1")).isEqualTo(eur("25.50"));
        assertThatThrownBy(() -> OpenAmounts.afterReturn(eur("0"), Money.of("1", "CHF"), "csv:1")).isInstanceOf(RecoupException.class);
    }
}
