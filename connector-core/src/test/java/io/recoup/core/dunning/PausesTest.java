package io.recoup.core.dunning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recoup.core.ErrorCode;
import io.recoup.core.RecoupException;
import io.recoup.core.money.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PausesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    private static final Money OPEN = Money.of("100", "EUR");

    private static Hold dispute(LocalDate since, LocalDate until) {
        return new Hold(Hold.Kind.DISPUTE, "damaged", since, Optional.ofNullable(until));
    }

    @Test
    void aHoldPausesFromItsFirstToItsLastDay() {
        Hold hold = dispute(TODAY, TODAY.plusDays(2));
        assertThat(Pauses.activeHold(List.of(hold), TODAY.minusDays(1))).isEmpty();
        assertThat(Pauses.activeHold(List.of(hold), TODAY)).contains(hold);
        assertThat(Pauses.activeHold(List.of(hold), TODAY.plusDays(2))).contains(hold);
        assertThat(Pauses.activeHold(List.of(hold), TODAY.plusDays(3))).isEmpty();
    }

    @Test
    void aPromisePausesUntilItsDayPlusGraceUnlessItWasKept() {
        PromiseToPay promise = new PromiseToPay(TODAY, Money.of("60", "EUR"), OPEN);
        assertThat(Pauses.pending(promise, OPEN, TODAY.plusDays(3), 3)).isTrue();
        assertThat(Pauses.pending(promise, OPEN, TODAY.plusDays(4), 3)).isFalse();
        assertThat(Pauses.pending(promise, Money.of("40", "EUR"), TODAY, 3)).isFalse();
    }

    @Test
    void directDebitLeavesAloneWhatAHoldAPendingPromiseOrAPlanCovers() {
        assertThat(Pauses.keepsFromDirectDebit(OPEN, List.of(), List.of(), Optional.empty(), false, TODAY)).isEmpty();
        assertThat(Pauses.keepsFromDirectDebit(OPEN, List.of(dispute(TODAY, null)), List.of(), Optional.empty(), false, TODAY))
                .hasValueSatisfying(why -> assertThat(why).startsWith("paused by dispute"));
        assertThat(Pauses.keepsFromDirectDebit(OPEN, List.of(), List.of(dispute(TODAY.minusDays(9), null)), Optional.empty(),
                false, TODAY)).isPresent();
        assertThat(Pauses.keepsFromDirectDebit(OPEN, List.of(), List.of(), Optional.of(new PromiseToPay(TODAY, OPEN, OPEN)),
                false, TODAY)).hasValue("a promise to pay by 2026-03-10 is pending");
        assertThat(Pauses.keepsFromDirectDebit(OPEN, List.of(), List.of(), Optional.empty(), true, TODAY)).isPresent();
    }

    @Test
    void aPlannedReminderIsHeldBackByAHoldOrAPendingPromiseButNotByAPaymentPlan() {
        assertThat(Pauses.keepsFromSending(OPEN, List.of(), List.of(), Optional.empty(), TODAY)).isEmpty();
        assertThat(Pauses.keepsFromSending(OPEN, List.of(dispute(TODAY, null)), List.of(), Optional.empty(), TODAY))
                .hasValue("paused by dispute since 2026-03-10: damaged");
        assertThat(Pauses.keepsFromSending(OPEN, List.of(), List.of(new Hold(Hold.Kind.BLOCK, "insolvency", TODAY, Optional.empty())),
                Optional.empty(), TODAY)).hasValue("paused by dunning block since 2026-03-10: insolvency");
        assertThat(Pauses.keepsFromSending(OPEN, List.of(dispute(TODAY.minusDays(9), TODAY.minusDays(1))), List.of(),
                Optional.empty(), TODAY)).isEmpty();
        assertThat(Pauses.keepsFromSending(OPEN, List.of(), List.of(), Optional.of(new PromiseToPay(TODAY.plusDays(5), OPEN, OPEN)),
                TODAY)).hasValue("a promise to pay by 2026-03-15 is pending");
        assertThat(Pauses.keepsFromSending(OPEN, List.of(), List.of(), Optional.of(new PromiseToPay(TODAY.minusDays(1), OPEN, OPEN)),
                TODAY)).isEmpty();
    }

    @Test
    void aPromiseWhoseDayPassedUnpaidNoLongerKeepsDirectDebitAway() {
        PromiseToPay broken = new PromiseToPay(TODAY.minusDays(1), OPEN, OPEN);
        assertThat(Pauses.keepsFromDirectDebit(OPEN, List.of(), List.of(), Optional.of(broken), false, TODAY)).isEmpty();
    }

    @Test
    void aPaymentPlanMustAddUpToWhatIsOpen() {
        List<PaymentPlan.Instalment> halves = List.of(new PaymentPlan.Instalment(TODAY, Money.of("50", "EUR")),
                new PaymentPlan.Instalment(TODAY.plusDays(30), Money.of("50", "EUR")));
        assertThat(PaymentPlan.agree(halves, OPEN).instalments()).hasSize(2);
        assertThatThrownBy(() -> PaymentPlan.agree(halves.subList(0, 1), OPEN))
                .isInstanceOfSatisfying(RecoupException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PAYMENT_PLAN))
                .hasMessage("instalments add up to EUR 50.00 but EUR 100.00 is open");
        assertThatThrownBy(() -> PaymentPlan.agree(List.of(), OPEN)).hasMessageContaining("at least one");
        assertThatThrownBy(() -> PaymentPlan.agree(List.of(new PaymentPlan.Instalment(TODAY, Money.of("100", "USD"))), OPEN))
                .hasMessageContaining("instalments[0].amount");
    }
}
