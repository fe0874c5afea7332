package io.recoup.sepa.pain008;

import io.recoup.sepa.SepaErrorCode;
import io.recoup.sepa.SepaException;
import java.text.Normalizer;

/** Shared checks of free text before the charset policy is applied. */
final class Texts {
    static final int NAME_MAX = 70;

    private Texts() {
    }

    static void requireName(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new SepaException(SepaErrorCode.INVALID_TEXT, "The " + field + " is mandatory");
        }
        int length = length(value);
        if (length > NAME_MAX) {
            throw new SepaException(SepaErrorCode.INVALID_TEXT, "The " + field + " has " + length
                    + " characters; EPC130-08 allows at most " + NAME_MAX + ": \"" + value + "\"");
        }
    }

    /** The length as written: in NFC, where a letter typed as base plus combining mark is one character. */
    static int length(String value) {
        return Normalizer.normalize(value, Normalizer.Form.NFC).length();
    }
}
