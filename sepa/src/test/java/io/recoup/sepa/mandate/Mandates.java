package io.recoup.sepa.mandate;

import io.recoup.sepa.Bic;
import io.recoup.sepa.CreditorIdentifier;
import io.recoup.sepa.Iban;
import io.recoup.sepa.MandateReference;
import java.time.LocalDate;

/** Test data: a creditor, and mandates in the states the tests start from. */
final class Mandates {
    static final CreditorIdentifier CREDITOR = new CreditorIdentifier("DE98ZZZ09999999999");
    static final Iban IBAN = new Iban("DE89370400440532013000");
    static final Iban SAME_BANK_IBAN = new Iban("DE62370400440532013001");
    static final Iban OTHER_BANK_IBAN = new Iban("DE02120300000000202051");
    static final LocalDate SIGNED = LocalDate.of(2026, 3, 2);

    private Mandates() {
    }

    static Mandate pending(MandateType type) {
        return Mandate.create(CREDITOR, new MandateReference("M-2026-0001"), "Erika Mustermann", IBAN,
                new Bic("COBADEFFXXX"), MandateScheme.CORE, type);
    }

    static Mandate active() {
        return pending(MandateType.RECURRENT).sign(SIGNED);
    }

    static Mandate used() {
        Mandate mandate = active();
        return mandate.collected(mandate.nextCollection(LocalDate.of(2026, 4, 1), false));
    }

    static Mandate inState(MandateState state) {
        return switch (state) {
            case PENDING_SIGNATURE -> pending(MandateType.RECURRENT);
            case ACTIVE -> used();
            case AMENDED -> used().amendIban(OTHER_BANK_IBAN, null);
            case COMPLETED -> used().collected(used().nextCollection(LocalDate.of(2026, 5, 4), true));
            case CANCELLED -> used().cancel();
            case LAPSED -> used().lapse(LocalDate.of(2029, 4, 1));
            case FAILED -> used().rejectByBank();
        };
    }
}
