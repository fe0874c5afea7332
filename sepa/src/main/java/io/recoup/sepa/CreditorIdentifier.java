package io.recoup.sepa;

/**
 * A SEPA creditor identifier (CI) as defined by EPC262-08 §3: ISO country code, two check digits, a three-character
 * creditor business code (CBC, {@code ZZZ} when unused) and the national identifier, at most 35 characters, e.g.
 * {@code DE98ZZZ09999999999}. The check digits are ISO 7064 MOD 97-10 over national identifier + country +
 * {@code 00}; the CBC is skipped, so a creditor may change it without new check digits, and {@link #sameCreditorAs}
 * compares without it. It goes into {@code PmtInf/CdtrSchmeId/Id/PrvtId/Othr/Id} with {@code SchmeNm/Prtry = SEPA}.
 */
public record CreditorIdentifier(String value) {
    private static final int MAX_LENGTH = 35;

    public CreditorIdentifier {
        String reason = problemWith(value);
        if (reason != null) {
            throw invalid(value, reason);
        }
    }

    /** Reads the printed form: spaces are removed and letters upper-cased before the check. */
    public static CreditorIdentifier parse(String text) {
        if (text == null) {
            throw invalid(null, "no text given");
        }
        String electronic = PaperForm.electronic(text);
        String reason = problemWith(electronic);
        if (reason != null) {
            throw invalid(text, reason);
        }
        return new CreditorIdentifier(electronic);
    }

    /** Builds the identifier, computing the check digits (EPC262-08 §3.2: national id + country + "00", 98 - mod 97). */
    public static CreditorIdentifier of(String country, String businessCode, String nationalId) {
        String cc = country == null ? "" : PaperForm.upperAscii(country);
        String cbc = businessCode == null ? "" : PaperForm.upperAscii(businessCode);
        String national = nationalId == null ? "" : PaperForm.electronic(nationalId);
        if (!cc.matches("[A-Z]{2}") || !cbc.matches("[A-Z0-9]{3}") || !national.matches("[A-Z0-9]{1,28}")) {
            throw new SepaException(SepaErrorCode.INVALID_CREDITOR_IDENTIFIER, "Cannot build a creditor identifier from"
                    + " country \"" + country + "\", business code \"" + businessCode + "\", national id \"" + nationalId
                    + "\": EPC262-08 needs two letters, three letters or digits, and 1 to 28 letters or digits");
        }
        int check = 98 - Mod97.remainder(national + cc + "00");
        return new CreditorIdentifier(cc + (check < 10 ? "0" : "") + check + cbc + national);
    }

    public static boolean isValid(String text) {
        return text != null && problemWith(PaperForm.electronic(text)) == null;
    }

    public String countryCode() {
        return value.substring(0, 2);
    }

    public String checkDigits() {
        return value.substring(2, 4);
    }

    /** Characters 5 to 7, {@code ZZZ} when the creditor does not use one. */
    public String businessCode() {
        return value.substring(4, 7);
    }

    public String nationalId() {
        return value.substring(7);
    }

    /** Same creditor whatever the business code: EPC262-08 lets a creditor vary the CBC per business line. */
    public boolean sameCreditorAs(CreditorIdentifier other) {
        return countryCode().equals(other.countryCode()) && nationalId().equals(other.nationalId());
    }

    @Override
    public String toString() {
        return value;
    }

    private static String problemWith(String electronic) {
        if (electronic == null || electronic.isEmpty()) {
            return "it is empty";
        }
        if (electronic.length() > MAX_LENGTH) {
            return "it has " + electronic.length() + " characters, at most " + MAX_LENGTH + " are allowed";
        }
        if (electronic.length() < 8) {
            return "it has " + electronic.length() + " characters; country, check digits, business code and a"
                    + " national identifier need at least 8";
        }
        if (!electronic.substring(0, 2).matches("[A-Z]{2}")) {
            return "it does not start with a two-letter country code";
        }
        if (!electronic.substring(2, 4).matches("[0-9]{2}")) {
            return "characters 3 and 4 must be the check digits";
        }
        if (!electronic.substring(4).matches("[A-Z0-9]+")) {
            return "the business code and national identifier must be letters A-Z or digits";
        }
        String rearranged = electronic.substring(7) + electronic.substring(0, 4);
        if (Mod97.remainder(rearranged) != 1) {
            return "the check digits do not match (national id + country + check digits mod 97 is not 1)";
        }
        return null;
    }

    private static SepaException invalid(String text, String reason) {
        return new SepaException(SepaErrorCode.INVALID_CREDITOR_IDENTIFIER,
                "Invalid creditor identifier " + (text == null ? "(null)" : "\"" + text + "\"") + ": " + reason);
    }
}
