package io.recoup.sepa;

import org.iban4j.Iban4jException;
import org.iban4j.IbanUtil;

/**
 * An International Bank Account Number (ISO 13616) in electronic form, checked by iban4j against the country's
 * length and BBAN structure and the mod-97 check digits. iban4j's reason is kept in the error message, because
 * "wrong length for DE" tells a clerk more than "invalid".
 */
public record Iban(String value) {

    public Iban {
        if (value == null || value.isEmpty()) {
            throw new SepaException(SepaErrorCode.INVALID_IBAN, "Invalid IBAN: no text given");
        }
        try {
            IbanUtil.validate(value);
        } catch (Iban4jException e) {
            throw new SepaException(SepaErrorCode.INVALID_IBAN, "Invalid IBAN \"" + value + "\": " + e.getMessage(), e);
        }
    }

    /** Reads the paper or electronic form: spaces are removed and letters upper-cased before the check. */
    public static Iban parse(String text) {
        if (text == null) {
            throw new SepaException(SepaErrorCode.INVALID_IBAN, "Invalid IBAN: no text given");
        }
        return new Iban(PaperForm.electronic(text));
    }

    public static boolean isValid(String text) {
        return text != null && IbanUtil.isValid(PaperForm.electronic(text));
    }

    /** The ISO 3166 alpha-2 country code, the first two characters. */
    public String countryCode() {
        return value.substring(0, 2);
    }

    /** Groups of four separated by spaces, the form printed on invoices. */
    public String printFormat() {
        return PaperForm.groupsOfFour(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
