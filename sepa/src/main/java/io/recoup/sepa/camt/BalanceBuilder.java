package io.recoup.sepa.camt;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Gathers the leaves of one {@code Bal}. A balance without a readable type, amount or currency is recorded as a
 * problem and left out; an unreadable date is recorded and left null.
 */
final class BalanceBuilder {
    private final FieldValues values;
    private final Problems problems;
    private String code;
    private String proprietary;
    private BigDecimal amount;
    private String currency;
    private boolean amountSeen;
    private CreditDebit direction = CreditDebit.CREDIT;
    private LocalDate date;

    BalanceBuilder(FieldValues values, Problems problems) {
        this.values = values;
        this.problems = problems;
    }

    void accept(String path, String raw, String ccy) {
        switch (path) {
            case "Tp/CdOrPrtry/Cd" -> code = FieldValues.text(raw);
            case "Tp/CdOrPrtry/Prtry" -> proprietary = FieldValues.text(raw);
            case "Amt" -> {
                amountSeen = true;
                amount = values.amount(raw);
                currency = amount == null ? null : values.currency(ccy);
            }
            case "CdtDbtInd" -> {
                CreditDebit given = values.direction(raw);
                direction = given == null ? direction : given;
            }
            case "Dt/Dt" -> date = values.date(raw);
            case "Dt/DtTm" -> date = values.dateOfDateTime(raw);
            default -> {
                // Credit lines (CdtLine/Amt) and availability (Avlbty) are not part of the balance itself.
            }
        }
    }

    /** The balance, or null after recording why it cannot be kept. */
    CamtBalance build() {
        String type = code != null ? code : proprietary;
        if (type == null) {
            problems.here("balance has no Tp/CdOrPrtry code; balance skipped");
            return null;
        }
        if (!amountSeen) {
            problems.here("balance " + type + " has no Amt; balance skipped");
            return null;
        }
        if (amount == null || currency == null) {
            return null;
        }
        return new CamtBalance(type, direction.signed(amount), currency, date);
    }
}
