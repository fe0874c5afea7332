package io.recoup.sepa.camt;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Gathers the leaves of one {@code Ntry} by their path below it, plus its finished transaction details. An entry
 * without a readable {@code Amt}, {@code Ccy} or {@code CdtDbtInd} is not built (see {@link CamtEntry}).
 */
final class EntryBuilder {
    private final FieldValues values;
    private final Problems problems;
    private final int index;
    private final int line;
    private String entryReference;
    private String accountServicerReference;
    private BigDecimal amount;
    private String currency;
    private boolean amountSeen;
    private CreditDebit direction;
    private boolean directionSeen;
    private boolean reversal;
    private String status;
    private LocalDate bookingDate;
    private LocalDate valueDate;
    private String domain;
    private String family;
    private String subFamily;
    private String proprietaryCode;
    private String additionalInfo;
    private Long batchCount;
    private final List<CamtTransaction> transactions = new ArrayList<>(1);

    EntryBuilder(FieldValues values, Problems problems, int index, int line) {
        this.values = values;
        this.problems = problems;
        this.index = index;
        this.line = line;
    }

    void accept(String path, String raw, String ccy) {
        String text = FieldValues.text(raw);
        switch (path) {
            case "NtryRef" -> entryReference = text;
            case "AcctSvcrRef" -> accountServicerReference = text;
            case "Amt" -> amount(raw, ccy);
            case "CdtDbtInd" -> {
                directionSeen = true;
                direction = values.direction(raw);
            }
            case "RvslInd" -> reversal = Boolean.TRUE.equals(values.bool(raw));
            // v02 to v07 write the status as text, v08 and later as a code choice.
            case "Sts", "Sts/Cd", "Sts/Prtry" -> status = text;
            case "BookgDt/Dt" -> bookingDate = values.date(raw);
            case "BookgDt/DtTm" -> bookingDate = values.dateOfDateTime(raw);
            case "ValDt/Dt" -> valueDate = values.date(raw);
            case "ValDt/DtTm" -> valueDate = values.dateOfDateTime(raw);
            case "BkTxCd/Domn/Cd" -> domain = text;
            case "BkTxCd/Domn/Fmly/Cd" -> family = text;
            case "BkTxCd/Domn/Fmly/SubFmlyCd" -> subFamily = text;
            case "BkTxCd/Prtry/Cd" -> proprietaryCode = text;
            case "AddtlNtryInf" -> additionalInfo = text;
            case "NtryDtls/Btch/NbOfTxs" -> addBatchCount(values.count(raw));
            default -> {
                // Charges, interest, card data and the like are not needed for reconciliation.
            }
        }
    }

    void add(CamtTransaction transaction) {
        transactions.add(transaction);
    }

    /** The entry, or null after recording why it cannot be delivered. */
    CamtEntry build() {
        if (!amountSeen) {
            problems.here("entry has no Amt; entry skipped");
        }
        if (!directionSeen) {
            problems.here("entry has no CdtDbtInd; entry skipped");
        }
        if (amount == null || currency == null || direction == null) {
            if (amountSeen && directionSeen) {
                problems.here("entry skipped because its amount or direction is unreadable");
            }
            return null;
        }
        return new CamtEntry(index, line, entryReference, accountServicerReference, amount, currency, direction, reversal,
                status, bookingDate, valueDate, bankTransactionCode(), proprietaryCode, additionalInfo,
                batchCount == null ? null : (int) Math.min(batchCount, Integer.MAX_VALUE), transactions);
    }

    private void amount(String raw, String ccy) {
        amountSeen = true;
        amount = values.amount(raw);
        currency = amount == null ? null : values.currency(ccy);
    }

    private void addBatchCount(Long count) {
        if (count != null) {
            batchCount = batchCount == null ? count : Math.min(batchCount + count, Integer.MAX_VALUE);
        }
    }

    private String bankTransactionCode() {
        if (domain == null) {
            return null;
        }
        StringBuilder code = new StringBuilder(domain);
        if (family != null) {
            code.append('/').append(family);
            if (subFamily != null) {
                code.append('/').append(subFamily);
            }
        }
        return code.toString();
    }
}
