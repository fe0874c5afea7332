package io.recoup.sepa.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recoup.sepa.CreditorIdentifier;
import io.recoup.sepa.EndToEndId;
import io.recoup.sepa.Iban;
import io.recoup.sepa.MandateReference;
import io.recoup.sepa.SepaAmount;
import io.recoup.sepa.SepaException;
import io.recoup.sepa.mandate.Mandate;
import io.recoup.sepa.mandate.MandateScheme;
import io.recoup.sepa.mandate.MandateType;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ReturnReasonPolicyTest {

    @ParameterizedTest
    @CsvSource({"AM04, RE_PRESENT_ONCE", "MS03, RE_PRESENT_ONCE", "AC01, STOP_MANDATE_AND_OFFER_PAYMENT_LINK",
            "AC04, STOP_MANDATE_AND_OFFER_PAYMENT_LINK", "AC06, STOP_MANDATE_AND_OFFER_PAYMENT_LINK",
            "MD01, STOP_MANDATE_AND_OFFER_PAYMENT_LINK", "MD07, STOP_MANDATE_AND_OFFER_PAYMENT_LINK",
            "MS02, STOP_MANDATE_AND_OFFER_PAYMENT_LINK", "MD06, REOPEN_ITEM", "AM05, NEEDS_PERSON", "XXXX, NEEDS_PERSON"})
    void mapsEachReasonCodeOfAFirstPresentation(String code, ReturnAction action) {
        assertThat(ReturnReasonPolicy.decide(code, false).action()).isEqualTo(action);
    }

    @ParameterizedTest
    @CsvSource({"AM04, STOP_MANDATE_AND_OFFER_PAYMENT_LINK", "MS03, STOP_MANDATE_AND_OFFER_PAYMENT_LINK",
            "XXXX, STOP_MANDATE_AND_OFFER_PAYMENT_LINK", "MD06, REOPEN_ITEM"})
    void stopsTheMandateOnASecondFailureButStillReopensARefund(String code, ReturnAction action) {
        assertThat(ReturnReasonPolicy.decide(code, true).action()).isEqualTo(action);
    }

    @Test
    void needsAPersonWhenTheBankGivesNoCode() {
        assertThat(ReturnReasonPolicy.decide(null, false))
                .isEqualTo(new ReturnReasonPolicy.Decision(ReturnAction.NEEDS_PERSON, null, "the bank gave no reason code"));
    }

    @Test
    void plansTheRePresentationWithANewDateIdAndPreNotification() {
        Mandate mandate = Mandate.create(new CreditorIdentifier("DE98ZZZ09999999999"), new MandateReference("M-9"),
                "Erika Mustermann", new Iban("DE89370400440532013000"), null, MandateScheme.CORE, MandateType.RECURRENT)
                .sign(LocalDate.of(2026, 1, 5));
        RTransaction failed = new RTransaction(RTransaction.Source.PAIN002_REJECT, "RCP-CINV9-1", "AM04", null, null,
                null, null, null);

        ReturnReasonPolicy.RePresentation plan = ReturnReasonPolicy.rePresentation(failed, mandate, SepaAmount.of("49.90"),
                LocalDate.of(2026, 12, 10), 14);

        assertThat(plan.endToEndId()).isEqualTo(new EndToEndId("RCP-CINV9-2"));
        assertThat(plan.collectionDate()).isEqualTo(LocalDate.of(2026, 12, 24));
        assertThat(plan.preNotification().dueDate()).isEqualTo(plan.collectionDate());
        assertThat(plan.preNotification().latestNotificationDate()).isEqualTo(LocalDate.of(2026, 12, 10));
        RTransaction second = new RTransaction(RTransaction.Source.CAMT_RETURN, "RCP-CINV9-2", "AM04", null, null, null,
                null, null);
        assertThatThrownBy(() -> ReturnReasonPolicy.rePresentation(second, mandate, SepaAmount.of("49.90"),
                LocalDate.of(2027, 1, 4), 14)).isInstanceOf(SepaException.class).hasMessageContaining("second failure");
    }
}
