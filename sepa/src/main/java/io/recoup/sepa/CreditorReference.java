package io.recoup.sepa;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * An ISO 11649 structured creditor reference ("RF reference") in its electronic form: {@code RF}, two check digits
 * and a body of 1 to 21 letters or digits, at most 25 characters, valid when the ISO 7064 MOD 97-10 remainder of
 * body + {@code RFkk} is 1. Payers type it in paper form ({@code RF18 5390 0754 7034}), banks pass it on in
 * {@code RmtInf/Strd/CdtrRefInf/Ref}, and Recoup matches payments to invoices by it.
 *
 * <p>Like every mod-97 check, it catches every single-character change within digits or within letters, but a digit
 * replaced by a letter (or the reverse) changes the length of the number and slips through about once in 97 times,
 * e.g. {@code RF712348231} and {@code RF712H48231} are both valid.
 */
public record CreditorReference(String value) {
    private static final int MAX_LENGTH = 25;
    private static final int MAX_BODY = 21;

    public CreditorReference {
        String reason = problemWith(value);
        if (reason != null) {
            throw invalid(value, reason);
        }
    }

    /** Reads the paper or electronic form: spaces are removed and letters upper-cased before the check. */
    public static CreditorReference parse(String text) {
        if (text == null) {
            throw invalid(null, "no text given");
        }
        String electronic = PaperForm.electronic(text);
        String reason = problemWith(electronic);
        if (reason != null) {
            throw invalid(text, reason);
        }
        return new CreditorReference(electronic);
    }

    /** Builds the reference for an invoice-derived body, computing the check digits (ISO 11649 Annex B). */
    public static CreditorReference forBody(String body) {
        if (body == null) {
            throw invalid(null, "no body given");
        }
        String upper = PaperForm.upperAscii(body);
        if (!isBody(upper)) {
            throw new SepaException(SepaErrorCode.INVALID_CREDITOR_REFERENCE, "Cannot build a creditor reference from body \""
                    + body + "\": the body must be 1 to " + MAX_BODY + " letters A-Z or digits, nothing else");
        }
        int checkDigits = 98 - Mod97.remainder(upper + "RF00");
        return new CreditorReference("RF" + (checkDigits < 10 ? "0" : "") + checkDigits + upper);
    }

    /**
     * The reference a payer quotes for an invoice: the invoice number's letters and digits when they fit in a body
     * (so a person can read it), otherwise the first 21 base-36 digits of a SHA-256 digest of {@code uniqueKey} (the
     * item's key in its source), so every invoice gets a valid reference however its number looks.
     */
    public static CreditorReference forInvoice(String invoiceNumber, String uniqueKey) {
        String body = invoiceNumber == null ? "" : invoiceNumber.replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
        if (body.isEmpty() || body.length() > MAX_BODY) {
            body = digest(uniqueKey);
        }
        return forBody(body);
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return new BigInteger(1, hash).toString(36).toUpperCase(Locale.ROOT).substring(0, MAX_BODY);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    public static boolean isValid(String text) {
        return text != null && problemWith(PaperForm.electronic(text)) == null;
    }

    /** Groups of four separated by spaces, the form printed on invoices and payment slips. */
    public String printFormat() {
        return PaperForm.groupsOfFour(value);
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
        if (!electronic.startsWith("RF")) {
            return "it does not start with RF";
        }
        if (electronic.length() < 4 || !isDigit(electronic.charAt(2)) || !isDigit(electronic.charAt(3))) {
            return "RF is not followed by two check digits";
        }
        String body = electronic.substring(4);
        if (!isBody(body)) {
            return "the body after the check digits must be 1 to " + MAX_BODY + " letters A-Z or digits";
        }
        if (Mod97.remainder(body + electronic.substring(0, 4)) != 1) {
            return "the check digits do not match (ISO 7064 mod 97 remainder is not 1)";
        }
        return null;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isBody(String body) {
        if (body.isEmpty() || body.length() > MAX_BODY) {
            return false;
        }
        for (int i = 0; i < body.length(); i++) {
            if (!Mod97.isUpperAlphanumeric(body.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static SepaException invalid(String text, String reason) {
        return new SepaException(SepaErrorCode.INVALID_CREDITOR_REFERENCE,
                "Invalid creditor reference " + (text == null ? "(null)" : "\"" + text + "\"") + ": " + reason);
    }
}
