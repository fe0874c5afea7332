package io.recoup.sepa.camt;

import java.math.BigDecimal;

/** The ISO 20022 {@code CdtDbtInd}: whether an amount increases ({@code CRDT}) or decreases ({@code DBIT}) the account. */
public enum CreditDebit {
    CREDIT("CRDT"),
    DEBIT("DBIT");

    private final String code;

    CreditDebit(String code) {
        this.code = code;
    }

    /** The code as written in the file, {@code CRDT} or {@code DBIT}. */
    public String code() {
        return code;
    }

    /** The amount with the sign this direction gives it on the account: positive for credits, negative for debits. */
    public BigDecimal signed(BigDecimal amount) {
        return this == DEBIT ? amount.negate() : amount;
    }

    /** The direction for a code, or null when the code is neither {@code CRDT} nor {@code DBIT}. */
    static CreditDebit fromCode(String code) {
        for (CreditDebit direction : values()) {
            if (direction.code.equals(code)) {
                return direction;
            }
        }
        return null;
    }
}
