package io.recoup.sepa.pain008;

import java.util.Objects;

/**
 * A bank's dialect of pain.008: which version it takes, whether it insists on BICs, how it wants addresses, batch
 * booking, how many transactions one file may hold, and which characters it accepts.
 *
 * @param bicRequired        refuse collections without debtor BIC (and a creditor without BIC); when false, a
 *                           missing BIC is written as {@code FinInstnId/Othr/Id = NOTPROVIDED} (IBAN-only, EEA)
 * @param batchBooking       {@code PmtInf/BtchBookg}: one booking per payment-information block (true) or one per
 *                           transaction (false); null leaves the element out and the bank decides
 * @param maxTransactionsPerFile larger collections are split into several files
 */
public record Pain008Options(
        Pain008Version version,
        boolean bicRequired,
        AddressStyle addressStyle,
        Boolean batchBooking,
        int maxTransactionsPerFile,
        CharsetPolicy charsetPolicy) {

    public Pain008Options {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(addressStyle, "addressStyle");
        Objects.requireNonNull(charsetPolicy, "charsetPolicy");
        if (maxTransactionsPerFile < 1) {
            throw new IllegalArgumentException("maxTransactionsPerFile must be at least 1, not " + maxTransactionsPerFile);
        }
    }

    /** pain.008.001.08, IBAN-only allowed, hybrid addresses, batch booking, 10,000 per file, basic Latin. */
    public static Pain008Options defaults() {
        return new Pain008Options(Pain008Version.V08, false, AddressStyle.HYBRID, Boolean.TRUE, 10_000,
                CharsetPolicy.TRANSLITERATE);
    }

    /**
     * German banks (DK, DFÜ-Abkommen Anlage 3, EBICS order type CDD/CDB): pain.008.001.08, IBAN-only since
     * February 2016, fully structured addresses, batch booking, the DK extended character set (umlauts and ß kept).
     */
    public static Pain008Options germanDk() {
        return new Pain008Options(Pain008Version.V08, false, AddressStyle.STRUCTURED, Boolean.TRUE, 100_000,
                CharsetPolicy.GERMAN_DK);
    }

    /** A bank that still wants pain.008.001.02 (ISO 2009, EPC IG 9.x): BIC required, {@code Ctry} + {@code AdrLine} only. */
    public static Pain008Options legacy02() {
        return new Pain008Options(Pain008Version.V02, true, AddressStyle.HYBRID, Boolean.TRUE, 10_000,
                CharsetPolicy.TRANSLITERATE);
    }

    public Pain008Options withVersion(Pain008Version value) {
        return new Pain008Options(value, bicRequired, addressStyle, batchBooking, maxTransactionsPerFile, charsetPolicy);
    }

    public Pain008Options withAddressStyle(AddressStyle value) {
        return new Pain008Options(version, bicRequired, value, batchBooking, maxTransactionsPerFile, charsetPolicy);
    }

    public Pain008Options withMaxTransactionsPerFile(int value) {
        return new Pain008Options(version, bicRequired, addressStyle, batchBooking, value, charsetPolicy);
    }

    public Pain008Options withCharsetPolicy(CharsetPolicy value) {
        return new Pain008Options(version, bicRequired, addressStyle, batchBooking, maxTransactionsPerFile, value);
    }
}
