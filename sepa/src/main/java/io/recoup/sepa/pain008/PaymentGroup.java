package io.recoup.sepa.pain008;

import io.recoup.sepa.mandate.MandateScheme;
import io.recoup.sepa.mandate.SequenceType;
import java.time.LocalDate;
import java.util.Comparator;

/**
 * What one {@code PmtInf} block shares: {@code SeqTp}, {@code ReqdColltnDt} and {@code LclInstrm} sit at block
 * level in pain.008, so each combination gets its own block (DOMAIN.md §3.2). Ordered by date, scheme, sequence.
 */
record PaymentGroup(SequenceType sequenceType, LocalDate collectionDate, MandateScheme scheme)
        implements Comparable<PaymentGroup> {
    private static final Comparator<PaymentGroup> ORDER = Comparator.comparing(PaymentGroup::collectionDate)
            .thenComparing(PaymentGroup::scheme).thenComparing(PaymentGroup::sequenceType);

    static PaymentGroup of(DirectDebit debit) {
        return new PaymentGroup(debit.sequenceType(), debit.collectionDate(), debit.scheme());
    }

    @Override
    public int compareTo(PaymentGroup other) {
        return ORDER.compare(this, other);
    }
}
