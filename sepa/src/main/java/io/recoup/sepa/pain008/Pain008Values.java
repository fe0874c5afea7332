package io.recoup.sepa.pain008;

import io.recoup.sepa.Bic;
import io.recoup.sepa.CreditorIdentifier;
import io.recoup.sepa.CreditorReference;
import io.recoup.sepa.EndToEndId;
import io.recoup.sepa.Iban;
import io.recoup.sepa.MandateReference;
import io.recoup.sepa.SepaAmount;
import io.recoup.sepa.SepaErrorCode;
import io.recoup.sepa.SepaException;
import io.recoup.sepa.mandate.MandateAmendment;
import io.recoup.sepa.mandate.MandateScheme;
import io.recoup.sepa.mandate.SequenceType;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;

/** Turns the leaves of a read scope into typed values; the value types' own checks say what is wrong. */
final class Pain008Values {
    private static final String AMENDMENT = "DrctDbtTx/MndtRltdInf/AmdmntInfDtls/";

    private Pain008Values() {
    }

    static PaymentInstruction payment(LeafFields block, List<DirectDebit> debits, Creditor creditor) {
        String batch = block.first("BtchBookg");
        return new PaymentInstruction(block.first("PmtInfId"), batch == null ? null : Boolean.valueOf(batch),
                integer(block.first("NbOfTxs")), decimal(block.first("CtrlSum")),
                SequenceType.fromCode(block.first("PmtTpInf/SeqTp")),
                MandateScheme.fromCode(block.first("PmtTpInf/LclInstrm/Cd")),
                dateOrNull(block.first("ReqdColltnDt")), creditor, debits);
    }

    static Creditor creditor(LeafFields block, Pain008Version version) {
        return new Creditor(block.first("Cdtr/Nm"), iban(block.first("CdtrAcct/Id/IBAN")),
                bic(block.first("CdtrAgt/FinInstnId/" + version.agentBicElement())),
                creditorId(block.first("CdtrSchmeId/Id/PrvtId/Othr/Id")), address(block, "Cdtr/PstlAdr/"));
    }

    static DirectDebit debit(LeafFields tx, LeafFields block, Pain008Version version) {
        String currency = tx.first("InstdAmt@Ccy");
        if (!"EUR".equals(currency)) {
            throw invalid("InstdAmt must be in EUR, not " + currency);
        }
        SequenceType sequence = SequenceType.fromCode(block.first("PmtTpInf/SeqTp"));
        MandateScheme scheme = MandateScheme.fromCode(block.first("PmtTpInf/LclInstrm/Cd"));
        if (sequence == null || scheme == null) {
            throw invalid("the block's SeqTp or LclInstrm/Cd is missing or unknown");
        }
        Debtor debtor = new Debtor(tx.first("Dbtr/Nm"), iban(tx.first("DbtrAcct/Id/IBAN")),
                bic(tx.first("DbtrAgt/FinInstnId/" + version.agentBicElement())), address(tx, "Dbtr/PstlAdr/"));
        String amount = tx.first("InstdAmt");
        return new DirectDebit(new EndToEndId(tx.first("PmtId/EndToEndId")),
                SepaAmount.of(amount == null ? null : stripTrailingZeroDecimals(amount)),
                creditorId(block.first("CdtrSchmeId/Id/PrvtId/Othr/Id")),
                new MandateReference(tx.first("DrctDbtTx/MndtRltdInf/MndtId")),
                date(tx.first("DrctDbtTx/MndtRltdInf/DtOfSgntr"), "DtOfSgntr"), amendment(tx), sequence, scheme,
                date(block.first("ReqdColltnDt"), "ReqdColltnDt"), debtor, remittance(tx));
    }

    private static MandateAmendment amendment(LeafFields tx) {
        if (!"true".equals(tx.first("DrctDbtTx/MndtRltdInf/AmdmntInd"))) {
            return null;
        }
        String reference = tx.first(AMENDMENT + "OrgnlMndtId");
        String creditorId = tx.first(AMENDMENT + "OrgnlCdtrSchmeId/Id/PrvtId/Othr/Id");
        String iban = tx.first(AMENDMENT + "OrgnlDbtrAcct/Id/IBAN");
        boolean newBank = MandateAmendment.SAME_MANDATE_NEW_DEBTOR_AGENT.equals(tx.first(AMENDMENT + "OrgnlDbtrAcct/Id/Othr/Id"));
        return new MandateAmendment(reference == null ? null : new MandateReference(reference),
                creditorId == null ? null : new CreditorIdentifier(creditorId), iban == null ? null : new Iban(iban), newBank);
    }

    private static Remittance remittance(LeafFields tx) {
        String reference = tx.first("RmtInf/Strd/CdtrRefInf/Ref");
        if (reference != null) {
            return new Remittance.Structured(CreditorReference.parse(reference));
        }
        return new Remittance.Unstructured(String.join(" ", tx.all("RmtInf/Ustrd")));
    }

    private static PostalAddress address(LeafFields scope, String prefix) {
        String country = scope.first(prefix + "Ctry");
        List<String> lines = scope.all(prefix + "AdrLine");
        String town = scope.first(prefix + "TwnNm");
        if (country == null && lines.isEmpty() && town == null) {
            return null;
        }
        return new PostalAddress(scope.first(prefix + "StrtNm"), scope.first(prefix + "BldgNb"),
                scope.first(prefix + "PstCd"), town, country, lines);
    }

    static Integer integer(String text) {
        return text == null || !text.matches("\\d{1,9}") ? null : Integer.valueOf(text);
    }

    static BigDecimal decimal(String text) {
        return text == null || !text.matches("\\d{1,18}(\\.\\d{1,17})?") ? null : new BigDecimal(text);
    }

    private static String stripTrailingZeroDecimals(String amount) {
        return amount.matches("\\d+\\.\\d{3,}") ? new BigDecimal(amount).stripTrailingZeros().toPlainString() : amount;
    }

    private static Iban iban(String text) {
        return text == null ? null : new Iban(text);
    }

    private static Bic bic(String text) {
        return text == null ? null : new Bic(text);
    }

    private static CreditorIdentifier creditorId(String text) {
        return text == null ? null : new CreditorIdentifier(text);
    }

    private static LocalDate dateOrNull(String text) {
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static LocalDate date(String text, String element) {
        if (text == null) {
            throw invalid(element + " is missing");
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeException e) {
            throw invalid(element + " \"" + text + "\" is not a date (YYYY-MM-DD)");
        }
    }

    private static SepaException invalid(String reason) {
        return new SepaException(SepaErrorCode.INVALID_COLLECTION, reason);
    }
}
