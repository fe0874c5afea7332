package io.recoup.core.ledger;

import io.recoup.core.ErrorCode;
import io.recoup.core.RecoupException;

/** The identity of an open item across runs: the ledger it came from and that ledger's own id for it. */
public record OpenItemKey(String source, String externalId) {
    public OpenItemKey {
        source = requireText(source, "source");
        externalId = requireText(externalId, "externalId");
    }

    static String requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new RecoupException(ErrorCode.INVALID_IDENTIFIER, field + " must not be blank");
        }
        return value.strip();
    }

    @Override
    public String toString() {
        return source + ":" + externalId;
    }
}
