package io.recoup.sepa.camt;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One {@code Ntry}: a booking on the account. The amount is exactly as written (always zero or positive), the sign
 * comes from {@link #direction()}; a reversal ({@code RvslInd=true}) still carries the direction of its own
 * booking. An entry is only delivered when it has a decimal {@code Amt}, a {@code Ccy} and a {@code CdtDbtInd};
 * without them it cannot be reconciled, so the reader records a problem and skips it. Any other unreadable field
 * (a date, the reversal flag, the batch count, a transaction amount) is recorded as a problem and left null.
 *
 * @param index                        1-based position of this {@code Ntry} within its statement, counting skipped ones
 * @param line                         line in the file where the {@code Ntry} element starts
 * @param status                       {@code Sts} text (v02 to v07) or {@code Sts/Cd} (v08 and later): BOOK, PDNG, INFO
 * @param bankTransactionCode          ISO code as {@code Domn/Fmly/SubFmly}, e.g. {@code PMNT/RCDT/ESCT}
 * @param proprietaryBankTransactionCode {@code BkTxCd/Prtry/Cd}, e.g. a German GVC {@code NTRF+020}
 * @param batchCount                   sum of {@code NtryDtls/Btch/NbOfTxs}, null when no batch block gives it
 */
public record CamtEntry(
        int index,
        int line,
        String entryReference,
        String accountServicerReference,
        BigDecimal amount,
        String currency,
        CreditDebit direction,
        boolean reversal,
        String status,
        LocalDate bookingDate,
        LocalDate valueDate,
        String bankTransactionCode,
        String proprietaryBankTransactionCode,
        String additionalInfo,
        Integer batchCount,
        List<CamtTransaction> transactions) {

    public CamtEntry {
        if (index < 1) {
            throw new IllegalArgumentException("index is 1-based: " + index);
        }
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(direction, "direction");
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("entry amounts are unsigned, the direction gives the sign: " + amount);
        }
        transactions = List.copyOf(Objects.requireNonNull(transactions, "transactions"));
    }

    /** The amount as it changes the account balance: negative for debits. */
    public BigDecimal signedAmount() {
        return direction.signed(amount);
    }

    /** True unless the bank marked the entry pending ({@code PDNG}) or for information only ({@code INFO}). */
    public boolean isBooked() {
        return !"PDNG".equals(status) && !"INFO".equals(status);
    }
}
