package io.recoup.sepa.mandate;

import io.recoup.sepa.Bic;
import io.recoup.sepa.CreditorIdentifier;
import io.recoup.sepa.Iban;
import io.recoup.sepa.MandateReference;
import io.recoup.sepa.SepaErrorCode;
import io.recoup.sepa.SepaException;
import java.time.LocalDate;
import java.util.Objects;
import org.iban4j.Iban4jException;

/**
 * One of Recoup's own SEPA direct-debit mandates, immutable: every change returns a new mandate after checking the
 * event against {@link MandateLifecycle#TABLE}. The key is creditor identifier + unique mandate reference.
 *
 * <p>Sequence types (DOMAIN.md §3.2): a one-off mandate's collection is {@code OOFF}; a recurrent mandate's first
 * collection is {@code FRST}, later ones {@code RCUR}, and {@code FNAL} when the caller says it is the last. FRST is
 * optional since SDD Core rulebook 9.0 but still accepted everywhere, so Recoup keeps sending it. After the debtor
 * moved the account to another bank the next collection is {@code FRST} again with {@code SMNDA} (the pre-9.0 rule,
 * still valid, and what the DK schema documents); a new IBAN at the same bank stays {@code RCUR}. A first collection
 * that is also the caller's last stays {@code FRST} and completes the mandate.
 *
 * <p>36-month lapse (SDD Core rulebook, mandate expiry): a mandate lapses when no collection was presented for 36
 * months after the last one, counted from the signature date while it was never used; it is lapsed on and after
 * {@link #lapsesOn()}.
 *
 * @param signatureDate      {@code MndtRltdInf/DtOfSgntr}; null while {@link MandateState#PENDING_SIGNATURE} (and
 *                           when cancelled before signature)
 * @param lastCollectionDate requested collection date of the last collection presented; null when never used
 * @param pendingAmendment   the change to report in the next collection; non-null exactly in {@link MandateState#AMENDED}
 */
public record Mandate(
        CreditorIdentifier creditorId,
        MandateReference reference,
        String debtorName,
        Iban debtorIban,
        Bic debtorBic,
        LocalDate signatureDate,
        MandateScheme scheme,
        MandateType type,
        LocalDate lastCollectionDate,
        MandateAmendment pendingAmendment,
        MandateState state) {

    public static final int LAPSE_MONTHS = 36;

    public Mandate {
        Objects.requireNonNull(creditorId, "creditorId");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(debtorIban, "debtorIban");
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(state, "state");
        if (debtorName == null || debtorName.isBlank() || debtorName.length() > 70) {
            throw invalid(reference, "the debtor name must be 1 to 70 characters");
        }
        boolean unsignedState = state == MandateState.PENDING_SIGNATURE || state == MandateState.CANCELLED;
        if (signatureDate == null ? !unsignedState : state == MandateState.PENDING_SIGNATURE) {
            throw invalid(reference, "a signature date is required once signed, and absent while pending");
        }
        if ((pendingAmendment != null) != (state == MandateState.AMENDED)) {
            throw invalid(reference, "a pending amendment exists exactly in state AMENDED");
        }
        if (lastCollectionDate != null && (signatureDate == null || lastCollectionDate.isBefore(signatureDate))) {
            throw invalid(reference, "the last collection " + lastCollectionDate + " lies before the signature");
        }
        if (type == MandateType.ONE_OFF && lastCollectionDate != null && !state.isFinal()) {
            throw invalid(reference, "a one-off mandate that was collected is no longer usable");
        }
    }

    /** A new mandate waiting for the debtor's signature. */
    public static Mandate create(CreditorIdentifier creditorId, MandateReference reference, String debtorName,
            Iban debtorIban, Bic debtorBic, MandateScheme scheme, MandateType type) {
        return new Mandate(creditorId, reference, debtorName, debtorIban, debtorBic, null, scheme, type, null, null,
                MandateState.PENDING_SIGNATURE);
    }

    public Mandate sign(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return new Mandate(creditorId, reference, debtorName, debtorIban, debtorBic, date, scheme, type,
                lastCollectionDate, pendingAmendment, next(MandateEvent.SIGN));
    }

    /**
     * What a collection due on {@code collectionDate} must carry. Refused when the state allows no collection
     * ({@link IllegalMandateTransition}), when the date lies before the signature, or when the mandate has lapsed by
     * then ({@code MANDATE_EXPIRED}).
     *
     * @param last the caller's statement that this ends a recurrent series (ignored for one-off mandates)
     */
    public NextCollection nextCollection(LocalDate collectionDate, boolean last) {
        Objects.requireNonNull(collectionDate, "collectionDate");
        MandateEvent event = type == MandateType.ONE_OFF || last ? MandateEvent.COLLECT_FINAL : MandateEvent.COLLECT;
        next(event);
        if (collectionDate.isBefore(signatureDate)) {
            throw invalid(reference, "collection date " + collectionDate + " lies before the signature " + signatureDate);
        }
        if (lastCollectionDate != null && collectionDate.isBefore(lastCollectionDate)) {
            throw invalid(reference, "collection date " + collectionDate + " lies before the last collection "
                    + lastCollectionDate);
        }
        if (isLapsedOn(collectionDate)) {
            throw new SepaException(SepaErrorCode.MANDATE_EXPIRED, "Mandate " + reference + ": lapsed on " + lapsesOn()
                    + ", 36 months after " + (lastCollectionDate != null ? "the last collection" : "the signature")
                    + "; a collection on " + collectionDate + " needs a new mandate");
        }
        return new NextCollection(collectionDate, sequenceFor(last), pendingAmendment, event == MandateEvent.COLLECT_FINAL);
    }

    /** The mandate after {@code collection} was presented: last collection date set, amendment cleared. */
    public Mandate collected(NextCollection collection) {
        Objects.requireNonNull(collection, "collection");
        MandateState to = next(collection.last() ? MandateEvent.COLLECT_FINAL : MandateEvent.COLLECT);
        return new Mandate(creditorId, reference, debtorName, debtorIban, debtorBic, signatureDate, scheme, type,
                collection.collectionDate(), null, to);
    }

    /** The debtor's new account; reported as {@code OrgnlDbtrAcct} (or {@code SMNDA}) in the next collection. */
    public Mandate amendIban(Iban newIban, Bic newBic) {
        Objects.requireNonNull(newIban, "newIban");
        MandateState to = next(MandateEvent.AMEND_IBAN);
        boolean otherBank = !sameBank(debtorIban, newIban);
        MandateAmendment amendment = pendingAmendment == null
                ? new MandateAmendment(null, null, debtorIban, otherBank)
                : pendingAmendment.merge(null, null, debtorIban, otherBank);
        return new Mandate(creditorId, reference, debtorName, newIban, newBic, signatureDate, scheme, type,
                lastCollectionDate, amendment, to);
    }

    /** A new unique mandate reference; reported as {@code OrgnlMndtId} in the next collection. */
    public Mandate amendReference(MandateReference newReference) {
        Objects.requireNonNull(newReference, "newReference");
        MandateState to = next(MandateEvent.AMEND_REFERENCE);
        MandateAmendment amendment = pendingAmendment == null
                ? new MandateAmendment(reference, null, null, false)
                : pendingAmendment.merge(reference, null, null, false);
        return new Mandate(creditorId, newReference, debtorName, debtorIban, debtorBic, signatureDate, scheme, type,
                lastCollectionDate, amendment, to);
    }

    /** A new creditor identifier (e.g. after a merger); reported as {@code OrgnlCdtrSchmeId} in the next collection. */
    public Mandate amendCreditorId(CreditorIdentifier newCreditorId) {
        Objects.requireNonNull(newCreditorId, "newCreditorId");
        MandateState to = next(MandateEvent.AMEND_CREDITOR_ID);
        MandateAmendment amendment = pendingAmendment == null
                ? new MandateAmendment(null, creditorId, null, false)
                : pendingAmendment.merge(null, creditorId, null, false);
        return new Mandate(newCreditorId, reference, debtorName, debtorIban, debtorBic, signatureDate, scheme, type,
                lastCollectionDate, amendment, to);
    }

    public Mandate cancel() {
        return withFinal(next(MandateEvent.CANCEL));
    }

    /** The debtor's bank refused the mandate for good (see ReturnReasonPolicy: STOP_MANDATE_AND_OFFER_PAYMENT_LINK). */
    public Mandate rejectByBank() {
        return withFinal(next(MandateEvent.REJECT_BY_BANK));
    }

    /** Lapses the mandate; refused unless it has lapsed by {@code asOf}. */
    public Mandate lapse(LocalDate asOf) {
        MandateState to = next(MandateEvent.LAPSE);
        if (!isLapsedOn(asOf)) {
            throw invalid(reference, "it does not lapse before " + lapsesOn() + ", so it cannot lapse as of " + asOf);
        }
        return withFinal(to);
    }

    /** This mandate lapsed if it is due by {@code asOf}, else unchanged; final and pending mandates stay as they are. */
    public Mandate lapseIfDue(LocalDate asOf) {
        boolean lapsable = state == MandateState.ACTIVE || state == MandateState.AMENDED;
        return lapsable && isLapsedOn(asOf) ? lapse(asOf) : this;
    }

    /** The first day on which the mandate is lapsed: 36 months after the last collection, or after the signature. */
    public LocalDate lapsesOn() {
        LocalDate from = lastCollectionDate != null ? lastCollectionDate : signatureDate;
        return from == null ? null : from.plusMonths(LAPSE_MONTHS);
    }

    public boolean isLapsedOn(LocalDate date) {
        LocalDate lapse = lapsesOn();
        return lapse != null && !date.isBefore(lapse);
    }

    public boolean isUsed() {
        return lastCollectionDate != null;
    }

    private SequenceType sequenceFor(boolean last) {
        if (type == MandateType.ONE_OFF) {
            return SequenceType.OOFF;
        }
        boolean newBank = pendingAmendment != null && pendingAmendment.debtorBankChanged();
        if (!isUsed() || newBank) {
            return SequenceType.FRST;
        }
        return last ? SequenceType.FNAL : SequenceType.RCUR;
    }

    private Mandate withFinal(MandateState to) {
        return new Mandate(creditorId, reference, debtorName, debtorIban, debtorBic, signatureDate, scheme, type,
                lastCollectionDate, null, to);
    }

    private MandateState next(MandateEvent event) {
        return MandateLifecycle.next(state, event, creditorId + "/" + reference);
    }

    /** Same country and bank code; when iban4j knows no bank code for the country, any other IBAN counts as another bank. */
    static boolean sameBank(Iban a, Iban b) {
        if (!a.countryCode().equals(b.countryCode())) {
            return false;
        }
        try {
            String bankA = org.iban4j.Iban.valueOf(a.value()).getBankCode();
            String bankB = org.iban4j.Iban.valueOf(b.value()).getBankCode();
            return bankA != null ? bankA.equals(bankB) : a.equals(b);
        } catch (Iban4jException e) {
            return false;
        }
    }

    private static SepaException invalid(MandateReference reference, String reason) {
        return new SepaException(SepaErrorCode.INVALID_MANDATE, "Mandate " + reference + ": " + reason);
    }
}
