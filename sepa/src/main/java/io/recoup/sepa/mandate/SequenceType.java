package io.recoup.sepa.mandate;

/**
 * {@code PmtInf/PmtTpInf/SeqTp} of a collection (SDD Core rulebook AT-21): first, recurrent, final collection of a
 * recurrent mandate, or the single collection of a one-off mandate.
 */
public enum SequenceType {
    FRST, RCUR, FNAL, OOFF;

    /** The code as written in pain.008. */
    public String code() {
        return name();
    }

    /** The type for a code read from a file, or null when the code is none of the four. */
    public static SequenceType fromCode(String code) {
        for (SequenceType type : values()) {
            if (type.name().equals(code)) {
                return type;
            }
        }
        return null;
    }
}
