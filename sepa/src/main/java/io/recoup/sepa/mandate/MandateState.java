package io.recoup.sepa.mandate;

/**
 * Where a mandate is in its life. {@code AMENDED} is an active mandate with an amendment still to be reported in
 * the next collection. {@code COMPLETED}, {@code CANCELLED}, {@code LAPSED} and {@code FAILED} are final: a new
 * collection needs a new mandate.
 */
public enum MandateState {
    /** Created, the debtor has not signed yet: nothing may be collected. */
    PENDING_SIGNATURE,
    /** Signed; collections may be presented. */
    ACTIVE,
    /** Signed, with an amendment (IBAN, reference or creditor id) not yet carried by a collection. */
    AMENDED,
    /** The one-off collection or the final collection of the series was presented. */
    COMPLETED,
    /** Revoked by the debtor or withdrawn by the creditor. */
    CANCELLED,
    /** No collection presented for 36 months (SDD Core rulebook, mandate expiry). */
    LAPSED,
    /** The debtor's bank refused it for good (closed account, no mandate, deceased ...): see ReturnReasonPolicy. */
    FAILED;

    public boolean isFinal() {
        return this == COMPLETED || this == CANCELLED || this == LAPSED || this == FAILED;
    }
}
