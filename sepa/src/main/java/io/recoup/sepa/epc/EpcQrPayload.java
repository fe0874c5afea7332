package io.recoup.sepa.epc;

import io.recoup.sepa.Bic;
import io.recoup.sepa.CreditorReference;
import io.recoup.sepa.Iban;
import io.recoup.sepa.SepaErrorCode;
import io.recoup.sepa.SepaException;
import io.recoup.sepa.SepaText;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The payload of an EPC QR code (EPC069-12 §3.5 "Data elements"): service tag {@code BCD}, version, character set
 * 1 (UTF-8, the only one Recoup writes), identification {@code SCT}, BIC (mandatory in version 001, optional in
 * 002), beneficiary name (≤ 70, not blank), IBAN, amount ({@code EUR} + 0.01 to 999999999.99, at most two decimals,
 * written as given: {@code EUR1}, {@code EUR149.90}), purpose (an ISO 20022 ExternalPurpose1Code, four capital
 * letters such as {@code GDDS}), then at most one of the structured RF reference (line 10) and the unstructured
 * text (≤ 140, line 11), both optional in EPC069-12, and the beneficiary-to-originator information (≤ 70). No
 * element may hold a line break or other control character, since lines separate the elements. Lines are separated
 * by LF; trailing empty lines are left out; the whole payload is at most 331 bytes in UTF-8 (the byte capacity of a
 * version 13 symbol at error correction M), or 330 when it holds any character outside ASCII, so that the symbol can
 * declare UTF-8 ({@link #MAX_BYTES_NON_ASCII}).
 *
 * <p>Every instance satisfies these rules; the constructor refuses anything else with {@code EPC_QR_RULE} and a
 * message starting with {@code EPC069-12:} and the element concerned.
 */
public record EpcQrPayload(
        String version,
        Bic bic,
        String beneficiaryName,
        Iban iban,
        BigDecimal amount,
        String purpose,
        CreditorReference reference,
        String text,
        String information) {

    public static final int MAX_BYTES = 331;
    /**
     * Outside ASCII the symbol must declare UTF-8 with an ECI segment, or decoders guess the character set (zbar
     * reads Ä as Shift-JIS). Version 13 at level M holds 334 data codewords, 2672 bits; byte mode costs 4 bits of
     * mode and a 16-bit count, so 331 bytes take 2668 bits; the ECI segment for UTF-8 (ECI 26) costs 4 + 8 bits
     * more, which leaves 330 bytes (2672 bits exactly).
     */
    public static final int MAX_BYTES_NON_ASCII = 330;
    private static final BigDecimal MIN_AMOUNT = new BigDecimal("0.01");
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999.99");

    public EpcQrPayload {
        if (!"001".equals(version) && !"002".equals(version)) {
            throw rule("version: must be 001 or 002, not " + version);
        }
        if (bic == null && "001".equals(version)) {
            throw rule("BIC: mandatory in version 001 (only version 002 lets the BIC be omitted)");
        }
        requireText("beneficiary name", beneficiaryName, 70, true);
        if (iban == null) {
            throw rule("beneficiary account: the IBAN is mandatory");
        }
        if (amount != null) {
            amount = checkedAmount(amount);
        }
        purpose = emptyToNull(purpose);
        if (purpose != null && !purpose.matches("[A-Z]{4}")) {
            throw rule("purpose: an ISO 20022 purpose code (ExternalPurpose1Code) of exactly four capital letters such"
                    + " as GDDS, not \"" + purpose + "\"");
        }
        text = emptyToNull(text);
        information = emptyToNull(information);
        if (reference != null && text != null) {
            throw rule("remittance: structured and unstructured are mutually exclusive");
        }
        requireText("unstructured remittance", text, 140, false);
        requireText("beneficiary to originator information", information, 70, false);
        byte[] bytes = lines(version, bic, beneficiaryName, iban, amount, purpose, reference, text, information)
                .getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_BYTES) {
            throw rule("payload: " + bytes.length + " bytes in UTF-8, at most " + MAX_BYTES
                    + " fit a version 13 symbol at level M");
        }
        if (bytes.length > MAX_BYTES_NON_ASCII && !isAscii(bytes)) {
            throw rule("payload: " + bytes.length + " bytes in UTF-8 with characters outside ASCII, at most "
                    + MAX_BYTES_NON_ASCII + " fit a version 13 symbol at level M together with the UTF-8 declaration"
                    + " (ECI 26) that decoders need to read them");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The payload text: the elements joined by LF, without trailing empty lines. */
    public String payload() {
        return lines(version, bic, beneficiaryName, iban, amount, purpose, reference, text, information);
    }

    /** The payload as encoded in the symbol (character set 1, UTF-8). */
    public byte[] bytes() {
        return payload().getBytes(StandardCharsets.UTF_8);
    }

    /** True when every byte is ASCII, so the symbol reads the same whatever character set a decoder assumes. */
    boolean isAscii() {
        return isAscii(bytes());
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static String lines(String version, Bic bic, String name, Iban iban, BigDecimal amount, String purpose,
            CreditorReference reference, String text, String information) {
        List<String> lines = new ArrayList<>(List.of("BCD", version, "1", "SCT",
                bic == null ? "" : bic.value(), name, iban.value(),
                amount == null ? "" : "EUR" + amount.toPlainString(),
                purpose == null ? "" : purpose,
                reference == null ? "" : reference.value(),
                text == null ? "" : text,
                information == null ? "" : information));
        while (lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return String.join("\n", lines);
    }

    private static BigDecimal checkedAmount(BigDecimal amount) {
        BigDecimal plain = amount.scale() < 0 ? amount.setScale(0) : amount;
        if (plain.scale() > 2) {
            throw rule("amount: at most two decimals, not " + plain.toPlainString());
        }
        if (plain.compareTo(MIN_AMOUNT) < 0 || plain.compareTo(MAX_AMOUNT) > 0) {
            throw rule("amount: must be EUR 0.01 to 999999999.99, not " + plain.toPlainString());
        }
        return plain;
    }

    private static void requireText(String element, String value, int max, boolean mandatory) {
        if (value == null || value.isEmpty()) {
            if (mandatory) {
                throw rule(element + ": mandatory");
            }
            return;
        }
        if (mandatory && value.isBlank()) {
            throw rule(element + ": mandatory, and not blank");
        }
        int separator = value.codePoints().filter(EpcQrPayload::breaksLines).findFirst().orElse(-1);
        if (separator >= 0) {
            throw rule(element + ": must not contain a line break or other control character (lines separate the"
                    + " elements), found " + SepaText.describe(separator));
        }
        if (value.length() > max) {
            throw rule(element + ": at most " + max + " characters, not " + value.length());
        }
    }

    /** CR, LF, tab and every other control character, and the Unicode line and paragraph separators. */
    private static boolean breaksLines(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static SepaException rule(String message) {
        return new SepaException(SepaErrorCode.EPC_QR_RULE, "EPC069-12: " + message);
    }

    /** Builds a version 002 payload unless {@link #version} says otherwise. */
    public static final class Builder {
        private String version = "002";
        private Bic bic;
        private String beneficiaryName;
        private Iban iban;
        private BigDecimal amount;
        private String purpose;
        private CreditorReference reference;
        private String text;
        private String information;

        private Builder() {
        }

        public Builder version(String value) {
            this.version = value;
            return this;
        }

        public Builder bic(Bic value) {
            this.bic = value;
            return this;
        }

        public Builder beneficiaryName(String value) {
            this.beneficiaryName = value;
            return this;
        }

        public Builder iban(Iban value) {
            this.iban = value;
            return this;
        }

        /** The amount exactly as it should appear: {@code 149.90} gives {@code EUR149.90}, {@code 1} gives {@code EUR1}. */
        public Builder amount(BigDecimal value) {
            this.amount = value;
            return this;
        }

        public Builder purpose(String value) {
            this.purpose = value;
            return this;
        }

        public Builder reference(CreditorReference value) {
            this.reference = value;
            return this;
        }

        public Builder text(String value) {
            this.text = value;
            return this;
        }

        public Builder information(String value) {
            this.information = value;
            return this;
        }

        public EpcQrPayload build() {
            Objects.requireNonNull(version, "version");
            return new EpcQrPayload(version, bic, beneficiaryName, iban, amount, purpose, reference, text, information);
        }
    }
}
