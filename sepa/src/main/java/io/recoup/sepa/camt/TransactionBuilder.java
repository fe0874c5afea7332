package io.recoup.sepa.camt;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Gathers the leaves of one {@code TxDtls} by their path below it. The v02 and v08 party paths are both listed
 * because v08 wrapped the party in {@code Pty} (Party40Choice) and banks still send either.
 */
final class TransactionBuilder {
    private final FieldValues values;
    private String endToEndId;
    private String accountServicerReference;
    private String mandateId;
    private String instructionId;
    private String transactionId;
    private BigDecimal amount;
    private String currency;
    // TxDtls/Amt wins over AmtDtls/TxAmt, which wins over AmtDtls/InstdAmt (the payer's currency before exchange).
    private int amountRank;
    private CreditDebit direction;
    private final List<String> creditorReferences = new ArrayList<>(1);
    private final List<String> remittanceLines = new ArrayList<>(1);
    private String debtorName;
    private String debtorIban;
    private String creditorName;
    private String creditorIban;
    private String returnReasonCode;
    private String returnInfo;
    private String additionalInfo;

    TransactionBuilder(FieldValues values) {
        this.values = values;
    }

    void accept(String path, String raw, String ccy) {
        String text = FieldValues.text(raw);
        switch (path) {
            case "Refs/EndToEndId" -> endToEndId = text;
            case "Refs/AcctSvcrRef" -> accountServicerReference = text;
            case "Refs/MndtId" -> mandateId = text;
            case "Refs/InstrId" -> instructionId = text;
            case "Refs/TxId" -> transactionId = text;
            case "Amt" -> amount(3, raw, ccy);
            case "AmtDtls/TxAmt/Amt" -> amount(2, raw, ccy);
            case "AmtDtls/InstdAmt/Amt" -> amount(1, raw, ccy);
            case "CdtDbtInd" -> direction = values.direction(raw);
            case "RmtInf/Strd/CdtrRefInf/Ref" -> addIfPresent(creditorReferences, text);
            case "RmtInf/Ustrd" -> addIfPresent(remittanceLines, text);
            case "RltdPties/Dbtr/Nm", "RltdPties/Dbtr/Pty/Nm" -> debtorName = text;
            case "RltdPties/DbtrAcct/Id/IBAN" -> debtorIban = text;
            case "RltdPties/Cdtr/Nm", "RltdPties/Cdtr/Pty/Nm" -> creditorName = text;
            case "RltdPties/CdtrAcct/Id/IBAN" -> creditorIban = text;
            case "RtrInf/Rsn/Cd" -> returnReasonCode = text;
            case "RtrInf/Rsn/Prtry" -> returnReasonCode = returnReasonCode == null ? text : returnReasonCode;
            case "RtrInf/AddtlInf" -> returnInfo = join(returnInfo, text);
            case "AddtlTxInf" -> additionalInfo = text;
            default -> {
                // Everything else in TxDtls (charges, agents, related dates, ...) is not needed for reconciliation.
            }
        }
    }

    CamtTransaction build() {
        return new CamtTransaction(endToEndId, accountServicerReference, mandateId, instructionId, transactionId, amount,
                currency, direction, creditorReferences, remittanceLines, debtorName, debtorIban, creditorName,
                creditorIban, returnReasonCode, returnInfo, additionalInfo);
    }

    private void amount(int rank, String raw, String ccy) {
        if (rank < amountRank) {
            return;
        }
        BigDecimal parsed = values.amount(raw);
        String parsedCurrency = parsed == null ? null : values.currency(ccy);
        if (parsed != null && parsedCurrency != null) {
            amount = parsed;
            currency = parsedCurrency;
            amountRank = rank;
        }
    }

    private static void addIfPresent(List<String> list, String text) {
        if (text != null) {
            list.add(text);
        }
    }

    private static String join(String earlier, String text) {
        if (text == null) {
            return earlier;
        }
        return earlier == null ? text : earlier + " " + text;
    }
}
