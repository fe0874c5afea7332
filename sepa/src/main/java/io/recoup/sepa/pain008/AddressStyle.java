package io.recoup.sepa.pain008;

/**
 * How postal addresses go into pain.008.001.08. Since 15 November 2026 SEPA messages may carry only fully structured
 * or hybrid addresses (EPC guidance on structured addresses v2.1, DOMAIN.md §3.5). In pain.008.001.02 the EPC and DK
 * schemas allow only {@code Ctry} and two {@code AdrLine}, so there every style except NONE writes
 * {@code Ctry} + {@code AdrLine} ("street number", "post code town").
 */
public enum AddressStyle {
    /** {@code StrtNm}, {@code BldgNb}, {@code PstCd}, {@code TwnNm}, {@code Ctry}; address lines are refused. */
    STRUCTURED,
    /** {@code PstCd}, {@code TwnNm}, {@code Ctry} structured, street and building plus given lines in at most two {@code AdrLine}. */
    HYBRID,
    /** No addresses; a debtor outside the EEA, whose address the EPC requires, is refused. */
    NONE
}
