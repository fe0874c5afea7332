package io.recoup.sepa.pain008;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Writes one pain.008 document: {@code Document/CstmrDrctDbtInitn} with {@code GrpHdr} and one {@code PmtInf} per
 * {@link PaymentGroup}. Element order follows the XSD sequences, which are the same in 001.02 and 001.08 for
 * everything written here; only the agent's BIC element differs ({@code BIC} / {@code BICFI}).
 */
final class Pain008Xml {
    private final Pain008Options options;
    private final XmlOut out;
    private final PartyXml parties;
    private final CleanText clean;

    private Pain008Xml(Pain008Options options) {
        this.options = options;
        this.out = new XmlOut(options.version().namespace(), "Document");
        this.parties = new PartyXml(out, options);
        this.clean = new CleanText(options.charsetPolicy());
    }

    /** The document; {@code groups} in block order, {@code blockIds} the PmtInfId of each. */
    static byte[] render(Pain008Options options, Pain008Message message, String messageId, String creationDateTime,
            Map<PaymentGroup, List<DirectDebit>> groups, List<String> blockIds) {
        return new Pain008Xml(options).document(message, messageId, creationDateTime, groups, blockIds);
    }

    static BigDecimal sum(List<DirectDebit> debits) {
        BigDecimal sum = BigDecimal.ZERO.setScale(2);
        for (DirectDebit debit : debits) {
            sum = sum.add(debit.amount().value());
        }
        return sum;
    }

    private byte[] document(Pain008Message message, String messageId, String creationDateTime,
            Map<PaymentGroup, List<DirectDebit>> groups, List<String> blockIds) {
        List<DirectDebit> all = groups.values().stream().flatMap(List::stream).toList();
        out.open("CstmrDrctDbtInitn");
        out.open("GrpHdr")
                .leaf("MsgId", messageId)
                .leaf("CreDtTm", creationDateTime)
                .leaf("NbOfTxs", String.valueOf(all.size()))
                .leaf("CtrlSum", sum(all).toPlainString());
        out.open("InitgPty").leaf("Nm", clean.apply("initiating party name", message.initiatingPartyName(),
                Texts.NAME_MAX, "Message " + messageId)).close();
        out.close();
        int block = 0;
        for (Map.Entry<PaymentGroup, List<DirectDebit>> group : groups.entrySet()) {
            paymentInformation(blockIds.get(block++), group.getKey(), group.getValue(), message.creditor());
        }
        return out.finish();
    }

    private void paymentInformation(String id, PaymentGroup group, List<DirectDebit> debits, Creditor creditor) {
        out.open("PmtInf")
                .leaf("PmtInfId", id)
                .leaf("PmtMtd", "DD")
                .leaf("BtchBookg", options.batchBooking() == null ? null : options.batchBooking().toString())
                .leaf("NbOfTxs", String.valueOf(debits.size()))
                .leaf("CtrlSum", sum(debits).toPlainString());
        out.open("PmtTpInf")
                .open("SvcLvl").leaf("Cd", "SEPA").close()
                .open("LclInstrm").leaf("Cd", group.scheme().localInstrumentCode()).close()
                .leaf("SeqTp", group.sequenceType().code())
                .close();
        out.leaf("ReqdColltnDt", group.collectionDate().toString());
        parties.party("Cdtr", creditor.name(), creditor.address(), "Creditor of block " + id);
        parties.account("CdtrAcct", creditor.iban());
        parties.agent("CdtrAgt", creditor.bic());
        out.leaf("ChrgBr", "SLEV");
        parties.schemeId("CdtrSchmeId", creditor.creditorId());
        for (DirectDebit debit : debits) {
            transaction(debit);
        }
        out.close();
    }

    private void transaction(DirectDebit debit) {
        String where = "Collection " + debit.endToEndId();
        out.open("DrctDbtTxInf");
        out.open("PmtId").leaf("EndToEndId", debit.endToEndId().value()).close();
        out.leaf("InstdAmt", debit.amount().plain(), "Ccy", "EUR");
        out.open("DrctDbtTx").open("MndtRltdInf")
                .leaf("MndtId", debit.mandateReference().value())
                .leaf("DtOfSgntr", debit.signatureDate().toString())
                .leaf("AmdmntInd", String.valueOf(debit.amendment() != null));
        if (debit.amendment() != null) {
            parties.amendment(debit.amendment());
        }
        out.close().close();
        Debtor debtor = debit.debtor();
        parties.agent("DbtrAgt", debtor.bic());
        parties.party("Dbtr", debtor.name(), debtor.address(), where);
        parties.account("DbtrAcct", debtor.iban());
        remittance(debit.remittance(), where);
        out.close();
    }

    private void remittance(Remittance remittance, String where) {
        out.open("RmtInf");
        if (remittance instanceof Remittance.Unstructured text) {
            out.leaf("Ustrd", clean.apply("remittance text", text.text(), 140, where));
        } else if (remittance instanceof Remittance.Structured structured) {
            // EPC130-08 AT-22: an ISO 11649 reference is typed SCOR with issuer ISO.
            out.open("Strd").open("CdtrRefInf")
                    .open("Tp").open("CdOrPrtry").leaf("Cd", "SCOR").close().leaf("Issr", "ISO").close()
                    .leaf("Ref", structured.reference().value())
                    .close().close();
        }
        out.close();
    }
}
