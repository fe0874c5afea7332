package io.recoup.sepa.mandate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recoup.sepa.CreditorIdentifier;
import io.recoup.sepa.MandateReference;
import io.recoup.sepa.SepaErrorCode;
import io.recoup.sepa.SepaException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class MandateTest {
    private static final LocalDate APRIL = LocalDate.of(2026, 4, 1);
    private static final LocalDate MAY = LocalDate.of(2026, 5, 4);

    @Test
    void collectsFirstAsFrstThenAsRcurAndLastAsFnal() {
        Mandate mandate = Mandates.active();

        NextCollection first = mandate.nextCollection(APRIL, false);
        Mandate afterFirst = mandate.collected(first);
        NextCollection second = afterFirst.nextCollection(MAY, false);
        NextCollection last = afterFirst.collected(second).nextCollection(LocalDate.of(2026, 6, 1), true);

        assertThat(first.sequenceType()).isEqualTo(SequenceType.FRST);
        assertThat(second.sequenceType()).isEqualTo(SequenceType.RCUR);
        assertThat(last.sequenceType()).isEqualTo(SequenceType.FNAL);
        assertThat(afterFirst.collected(second).collected(last).state()).isEqualTo(MandateState.COMPLETED);
    }

    @Test
    void collectsAOneOffMandateOnceAsOoff() {
        Mandate oneOff = Mandates.pending(MandateType.ONE_OFF).sign(Mandates.SIGNED);

        NextCollection only = oneOff.nextCollection(APRIL, false);
        Mandate done = oneOff.collected(only);

        assertThat(only.sequenceType()).isEqualTo(SequenceType.OOFF);
        assertThat(only.last()).isTrue();
        assertThat(done.state()).isEqualTo(MandateState.COMPLETED);
        assertThatThrownBy(() -> done.nextCollection(MAY, false)).isInstanceOf(IllegalMandateTransition.class);
    }

    @Test
    void keepsAFirstCollectionThatIsAlsoTheLastAsFrst() {
        NextCollection only = Mandates.active().nextCollection(APRIL, true);

        assertThat(only.sequenceType()).isEqualTo(SequenceType.FRST);
        assertThat(Mandates.active().collected(only).state()).isEqualTo(MandateState.COMPLETED);
    }

    @Test
    void carriesAnIbanChangeAtTheSameBankAsOriginalAccountWithRcurAndClearsItAfter() {
        Mandate amended = Mandates.used().amendIban(Mandates.SAME_BANK_IBAN, null);

        NextCollection next = amended.nextCollection(MAY, false);

        assertThat(amended.state()).isEqualTo(MandateState.AMENDED);
        assertThat(next.sequenceType()).isEqualTo(SequenceType.RCUR);
        assertThat(next.amendment()).isEqualTo(new MandateAmendment(null, null, Mandates.IBAN, false));
        Mandate after = amended.collected(next);
        assertThat(after.state()).isEqualTo(MandateState.ACTIVE);
        assertThat(after.pendingAmendment()).isNull();
        assertThat(after.nextCollection(LocalDate.of(2026, 6, 1), false).amendment()).isNull();
    }

    @Test
    void collectsAsFrstWithSmndaAfterTheDebtorMovedToAnotherBank() {
        NextCollection next = Mandates.used().amendIban(Mandates.OTHER_BANK_IBAN, null).nextCollection(MAY, false);

        assertThat(next.sequenceType()).isEqualTo(SequenceType.FRST);
        assertThat(next.amendment().debtorBankChanged()).isTrue();
        assertThat(next.amendment().originalDebtorIban()).isEqualTo(Mandates.IBAN);
    }

    @Test
    void keepsTheValuesOfTheLastCollectionAcrossSeveralAmendments() {
        CreditorIdentifier newCreditor = CreditorIdentifier.of("DE", "ZZZ", "01234567890");
        Mandate amended = Mandates.used()
                .amendReference(new MandateReference("M-NEW-1"))
                .amendReference(new MandateReference("M-NEW-2"))
                .amendIban(Mandates.SAME_BANK_IBAN, null)
                .amendIban(Mandates.OTHER_BANK_IBAN, null)
                .amendCreditorId(newCreditor);

        MandateAmendment amendment = amended.pendingAmendment();

        assertThat(amendment.originalReference()).isEqualTo(new MandateReference("M-2026-0001"));
        assertThat(amendment.originalDebtorIban()).isEqualTo(Mandates.IBAN);
        assertThat(amendment.debtorBankChanged()).isTrue();
        assertThat(amendment.originalCreditorId()).isEqualTo(Mandates.CREDITOR);
        assertThat(amended.reference()).isEqualTo(new MandateReference("M-NEW-2"));
        assertThat(amended.creditorId()).isEqualTo(newCreditor);
        assertThat(amended.debtorIban()).isEqualTo(Mandates.OTHER_BANK_IBAN);
    }

    @Test
    void lapsesThirtySixMonthsAfterTheLastCollection() {
        Mandate used = Mandates.used();

        assertThat(used.lapsesOn()).isEqualTo(LocalDate.of(2029, 4, 1));
        assertThat(used.isLapsedOn(LocalDate.of(2029, 3, 31))).isFalse();
        assertThat(used.isLapsedOn(LocalDate.of(2029, 4, 1))).isTrue();
        assertThat(used.lapseIfDue(LocalDate.of(2029, 3, 31))).isSameAs(used);
        assertThat(used.lapseIfDue(LocalDate.of(2029, 4, 1)).state()).isEqualTo(MandateState.LAPSED);
    }

    @Test
    void countsTheLapseFromTheSignatureWhileTheMandateWasNeverUsed() {
        Mandate unused = Mandates.active();

        assertThat(unused.lapsesOn()).isEqualTo(Mandates.SIGNED.plusMonths(36));
        assertThatThrownBy(() -> unused.nextCollection(LocalDate.of(2029, 3, 2), false))
                .isInstanceOfSatisfying(SepaException.class, e -> assertThat(e.code()).isEqualTo(SepaErrorCode.MANDATE_EXPIRED))
                .hasMessageContaining("lapsed on 2029-03-02");
    }

    @Test
    void refusesToLapseAMandateBeforeItsTime() {
        assertThatThrownBy(() -> Mandates.used().lapse(LocalDate.of(2027, 1, 1)))
                .isInstanceOfSatisfying(SepaException.class, e -> assertThat(e.code()).isEqualTo(SepaErrorCode.INVALID_MANDATE));
    }

    @Test
    void refusesACollectionDatedBeforeTheSignature() {
        assertThatThrownBy(() -> Mandates.active().nextCollection(Mandates.SIGNED.minusDays(1), false))
                .hasMessageContaining("lies before the signature");
    }

    @Test
    void treatsAChangedBankCodeOrCountryAsAnotherBank() {
        assertThat(Mandate.sameBank(Mandates.IBAN, Mandates.SAME_BANK_IBAN)).isTrue();
        assertThat(Mandate.sameBank(Mandates.IBAN, Mandates.OTHER_BANK_IBAN)).isFalse();
        assertThat(Mandate.sameBank(Mandates.IBAN, new io.recoup.sepa.Iban("AT611904300234573201"))).isFalse();
    }
}
