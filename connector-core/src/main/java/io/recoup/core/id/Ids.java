package io.recoup.core.id;

import io.recoup.core.ErrorCode;
import io.recoup.core.RecoupException;

/** The one check every row id makes: the database hands out positive ids only. */
final class Ids {
    private Ids() {
    }

    static long positive(long value, String what) {
        if (value <= 0) {
            throw new RecoupException(ErrorCode.INVALID_IDENTIFIER, what + " id must be positive, was " + value);
        }
        return value;
    }
}
