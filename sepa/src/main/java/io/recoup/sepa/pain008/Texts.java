package io.recoup.sepa.pain008;

import io.recoup.sepa.SepaErrorCode;
import io.recoup.sepa.SepaException;

/** Shared checks of free text before the charset policy is applied. */
final class Texts {
    static final int NAME_MAX = 70;

    private Texts() {
    }

    static void requireName(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new SepaException(SepaErrorCode.INVALID_TEXT, "The " + field + " is mandatory");
        }
        if (value.length() > NAME_MAX) {
            throw new SepaException(SepaErrorCode.INVALID_TEXT, "The " + field + " has " + value.length()
                    + " characters; EPC130-08 allows at most " + NAME_MAX + ": \"" + value + "\"");
        }
    }
}
