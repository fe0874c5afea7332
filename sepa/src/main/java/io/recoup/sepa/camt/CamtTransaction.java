package io.recoup.sepa.camt;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One {@code Ntry/NtryDtls/TxDtls}: the single payment behind an entry, or one of several behind a batch entry. Any
 * field may be null because banks fill this block very differently. The amount is {@code TxDtls/Amt} (v04 and later)
 * or else {@code AmtDtls/TxAmt/Amt} or else {@code AmtDtls/InstdAmt/Amt}; it is never copied from the entry.
 * Party names are read from {@code RltdPties/Dbtr/Nm} (v02 to v07) or {@code RltdPties/Dbtr/Pty/Nm} (v08 and later),
 * and IBANs are kept as written, unchecked, because statements report what the payer's bank sent.
 *
 * @param creditorReferences every {@code RmtInf/Strd/CdtrRefInf/Ref}, in file order (a payment may settle several
 *                           invoices)
 * @param remittanceLines    every {@code RmtInf/Ustrd}, in file order
 * @param returnReasonCode   {@code RtrInf/Rsn/Cd} (or {@code Rsn/Prtry}) of a returned or refunded payment
 * @param returnInfo         the {@code RtrInf/AddtlInf} lines joined by a space
 */
public record CamtTransaction(
        String endToEndId,
        String accountServicerReference,
        String mandateId,
        String instructionId,
        String transactionId,
        BigDecimal amount,
        String currency,
        CreditDebit direction,
        List<String> creditorReferences,
        List<String> remittanceLines,
        String debtorName,
        String debtorIban,
        String creditorName,
        String creditorIban,
        String returnReasonCode,
        String returnInfo,
        String additionalInfo) {

    public CamtTransaction {
        if ((amount == null) != (currency == null)) {
            throw new IllegalArgumentException("amount and currency come together: " + amount + " " + currency);
        }
        creditorReferences = List.copyOf(Objects.requireNonNull(creditorReferences, "creditorReferences"));
        remittanceLines = List.copyOf(Objects.requireNonNull(remittanceLines, "remittanceLines"));
    }

    /** The first structured creditor reference (an RF reference when the payer used one), or null. */
    public String creditorReference() {
        return creditorReferences.isEmpty() ? null : creditorReferences.get(0);
    }

    /** True when the bank reports this payment as returned ({@code RtrInf} with a reason). */
    public boolean isReturn() {
        return returnReasonCode != null;
    }
}
