package io.recoup.sepa.mandate;

/**
 * The SDD scheme a mandate was signed for, written as {@code PmtTpInf/LclInstrm/Cd}: {@code CORE} (consumers and
 * businesses, 8-week refund right) or {@code B2B} (businesses only, no refund right, debtor bank checks the mandate).
 */
public enum MandateScheme {
    CORE, B2B;

    public String localInstrumentCode() {
        return name();
    }

    public static MandateScheme fromCode(String code) {
        for (MandateScheme scheme : values()) {
            if (scheme.name().equals(code)) {
                return scheme;
            }
        }
        return null;
    }
}
