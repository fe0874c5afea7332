package io.recoup.store.directdebit;

import java.util.Objects;

/** A mandate row with its surrogate id (which survives amendments of reference or creditor id) and its customer. */
public record StoredMandate(long id, long customerId, MandateRow values) {
    public StoredMandate {
        Objects.requireNonNull(values, "values");
    }
}
