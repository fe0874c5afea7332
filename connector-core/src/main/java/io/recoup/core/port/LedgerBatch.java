package io.recoup.core.port;

import io.recoup.core.ledger.LedgerRecord;
import io.recoup.core.ledger.Rejection;
import java.util.List;

/** What one read of a ledger export gave: the records that were good and, for every bad one, why. */
public record LedgerBatch(String origin, List<LedgerRecord> records, List<Rejection> rejections) {
    public LedgerBatch {
        records = List.copyOf(records);
        rejections = List.copyOf(rejections);
    }
}
