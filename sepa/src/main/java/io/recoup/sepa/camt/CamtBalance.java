package io.recoup.sepa.camt;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One {@code Stmt/Bal} (or {@code Rpt/Bal}): its type code ({@code OPBD} opening booked, {@code PRCD} previously
 * closed booked, {@code CLBD} closing booked, {@code ITBD} interim booked, {@code CLAV} closing available, ... or the
 * proprietary type), the amount signed by its {@code CdtDbtInd} (debit balances are negative) and the date. A
 * balance without {@code CdtDbtInd} is read as a credit, as ISO 20022 counts a zero balance as a credit and the
 * Lithuanian bank files in our fixtures omit the indicator on positive balances.
 */
public record CamtBalance(String typeCode, BigDecimal amount, String currency, LocalDate date) {

    public CamtBalance {
        Objects.requireNonNull(typeCode, "typeCode");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }

    /** True for the opening booked balances a statement's entries start from: {@code OPBD} and {@code PRCD}. */
    public boolean isOpeningBooked() {
        return "OPBD".equals(typeCode) || "PRCD".equals(typeCode);
    }

    public boolean isClosingBooked() {
        return "CLBD".equals(typeCode);
    }
}
