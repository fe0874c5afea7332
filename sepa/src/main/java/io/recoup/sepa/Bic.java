package io.recoup.sepa;

import java.util.regex.Pattern;

/**
 * A business identifier code (ISO 9362, "SWIFT code"): 4 party characters, a 2-letter country code, 2 location
 * characters and an optional 3-character branch, so 8 or 11 characters. Only the shape is checked; whether the code
 * is registered is a question for the bank, and SEPA lets payers omit the BIC altogether inside the EEA.
 */
public record Bic(String value) {
    // ISO 9362:2014 allows digits in the party prefix; the country must be letters.
    private static final Pattern SHAPE = Pattern.compile("[A-Z0-9]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?");

    public Bic {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new SepaException(SepaErrorCode.INVALID_BIC, "Invalid BIC " + (value == null ? "(null)" : "\"" + value + "\"")
                    + ": " + reason(value));
        }
    }

    /** Reads a BIC written with spaces or in lower case. */
    public static Bic parse(String text) {
        if (text == null) {
            throw new SepaException(SepaErrorCode.INVALID_BIC, "Invalid BIC: no text given");
        }
        return new Bic(PaperForm.electronic(text));
    }

    public static boolean isValid(String text) {
        return text != null && SHAPE.matcher(PaperForm.electronic(text)).matches();
    }

    /** The ISO 3166 alpha-2 country code, characters 5 and 6. */
    public String countryCode() {
        return value.substring(4, 6);
    }

    /** True for the 11-character form; {@code XXX} is the primary office and still counts as a branch code here. */
    public boolean hasBranchCode() {
        return value.length() == 11;
    }

    @Override
    public String toString() {
        return value;
    }

    private static String reason(String value) {
        if (value == null || value.isEmpty()) {
            return "no text given";
        }
        if (value.length() != 8 && value.length() != 11) {
            return "it has " + value.length() + " characters, a BIC has 8 or 11";
        }
        if (!value.substring(4, 6).chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
            return "characters 5 and 6 must be a country code (two letters A-Z)";
        }
        return "only letters A-Z and digits are allowed";
    }
}
