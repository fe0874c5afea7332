package io.recoup.sepa.mandate;

import io.recoup.sepa.CreditorIdentifier;
import io.recoup.sepa.Iban;
import io.recoup.sepa.MandateReference;
import io.recoup.sepa.SepaErrorCode;
import io.recoup.sepa.SepaException;

/**
 * What changed on a mandate since its last collection, carried in the next one as {@code MndtRltdInf/AmdmntInd =
 * true} with {@code AmdmntInfDtls} (SDD Core rulebook AT-24 "reason for amendment"): {@code OrgnlMndtId} for a new
 * reference, {@code OrgnlCdtrSchmeId/Id/PrvtId/Othr/Id} for a new creditor identifier, and for a new debtor account
 * either {@code OrgnlDbtrAcct/Id/IBAN} (same bank) or {@code OrgnlDbtrAcct/Id/Othr/Id = SMNDA} ("same mandate, new
 * debtor agent", EPC130-08 when the account moved to another bank). Each field holds the value as it was at the last
 * collection; null when that part did not change.
 *
 * @param originalDebtorIban the IBAN of the last collection; may be null with {@code debtorBankChanged}, because a
 *                           file read back carries only {@code SMNDA} then
 * @param debtorBankChanged  the new IBAN is at another bank (different country or bank code) than the original one
 */
public record MandateAmendment(
        MandateReference originalReference,
        CreditorIdentifier originalCreditorId,
        Iban originalDebtorIban,
        boolean debtorBankChanged) {

    /** The code EPC130-08 prescribes in {@code OrgnlDbtrAcct/Id/Othr/Id} when the debtor changed bank. */
    public static final String SAME_MANDATE_NEW_DEBTOR_AGENT = "SMNDA";

    public MandateAmendment {
        if (originalReference == null && originalCreditorId == null && originalDebtorIban == null && !debtorBankChanged) {
            throw new SepaException(SepaErrorCode.INVALID_MANDATE, "A mandate amendment must name at least one original"
                    + " value (reference, creditor identifier or debtor IBAN) or a change of debtor bank");
        }
    }

    /** Adds a later change, keeping the values of the last collection where an earlier change already recorded them. */
    MandateAmendment merge(MandateReference reference, CreditorIdentifier creditorId, Iban iban, boolean bankChanged) {
        return new MandateAmendment(
                originalReference != null ? originalReference : reference,
                originalCreditorId != null ? originalCreditorId : creditorId,
                originalDebtorIban != null ? originalDebtorIban : iban,
                originalDebtorIban != null || debtorBankChanged ? debtorBankChanged || bankChanged : bankChanged);
    }
}
