package io.recoup.sepa.pain008;

import io.recoup.sepa.SepaErrorCode;
import io.recoup.sepa.SepaException;
import io.recoup.sepa.collection.CollectionDates;
import java.time.LocalDate;
import java.util.Set;

/**
 * The rules a message must meet before any XML is written: the file's creditor identifier on every collection,
 * the D-1 date rule, BICs where the bank or the EPC wants them, and debtor addresses outside the EEA.
 */
final class CollectionChecks {
    /**
     * SEPA countries outside the EEA (EPC409-09 list of SEPA countries): for debtors there, EPC130-08 requires the
     * debtor's BIC and postal address. Jersey, Guernsey and the Isle of Man use GB IBANs.
     */
    static final Set<String> SEPA_OUTSIDE_EEA = Set.of("AD", "AL", "CH", "GB", "GG", "IM", "JE", "MC", "MD", "ME",
            "MK", "RS", "SM", "VA");

    private CollectionChecks() {
    }

    static void check(Pain008Message message, Pain008Options options, LocalDate submissionDate) {
        Creditor creditor = message.creditor();
        if (options.bicRequired() && creditor.bic() == null) {
            throw refused(message.messageId(), "the bank requires BICs, and the creditor has none");
        }
        for (DirectDebit debit : message.debits()) {
            String where = "Message " + message.messageId() + ", collection " + debit.endToEndId();
            if (!debit.creditorId().equals(creditor.creditorId())) {
                throw refused(where, "the mandate belongs to creditor identifier " + debit.creditorId()
                        + ", the file is for " + creditor.creditorId());
            }
            CollectionDates.check(submissionDate, debit.collectionDate());
            Debtor debtor = debit.debtor();
            boolean outsideEea = SEPA_OUTSIDE_EEA.contains(debtor.iban().countryCode());
            if (debtor.bic() == null && (options.bicRequired() || outsideEea)) {
                throw refused(where, outsideEea ? "a debtor bank outside the EEA (" + debtor.iban().countryCode()
                        + ") must be given by BIC (EPC130-08)" : "the bank requires the debtor's BIC");
            }
            if (outsideEea && (debtor.address() == null || options.addressStyle() == AddressStyle.NONE)) {
                throw refused(where, "a debtor outside the EEA (" + debtor.iban().countryCode()
                        + ") needs a postal address in the file (EPC130-08)");
            }
        }
    }

    private static SepaException refused(String where, String reason) {
        return new SepaException(SepaErrorCode.INVALID_COLLECTION, where + ": " + reason);
    }
}
