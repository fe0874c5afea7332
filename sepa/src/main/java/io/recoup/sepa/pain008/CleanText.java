package io.recoup.sepa.pain008;

import io.recoup.sepa.SepaErrorCode;
import io.recoup.sepa.SepaException;
import io.recoup.sepa.SepaText;

/**
 * Applies the bank's {@link CharsetPolicy} to one field and checks its length afterwards (ß becomes ss, and grows);
 * a refusal names the field, where it is and the first character that could not be brought into the set.
 */
record CleanText(CharsetPolicy policy) {

    String apply(String field, String value, int max, String where) {
        if (value == null) {
            return null;
        }
        String cleaned = policy.apply(value.strip());
        if (cleaned == null) {
            throw new SepaException(SepaErrorCode.INVALID_TEXT, where + ": the " + field + " \"" + value
                    + "\" has characters outside the accepted set (" + policy + ")"
                    + (policy == CharsetPolicy.REFUSE ? "" : " that cannot be transliterated") + ", first "
                    + SepaText.describe(policy.firstRefused(value.strip())));
        }
        // stripped again: a no-break space at either end has become a plain space there
        cleaned = cleaned.strip();
        if (cleaned.isEmpty() || cleaned.length() > max) {
            throw new SepaException(SepaErrorCode.INVALID_TEXT, where + ": the " + field + " \"" + cleaned + "\" has "
                    + cleaned.length() + " characters, 1 to " + max + " are allowed");
        }
        return cleaned;
    }
}
