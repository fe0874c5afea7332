package io.recoup.routes.receive;

import java.util.List;

/**
 * One statement file read to its end: the entries delivered by the reader, the receipts they gave (new and already
 * known), the entries that are not receipts, and the reader's problems (an entry skipped, a field unreadable), each
 * quarantined for a person.
 */
public record ImportReport(String origin, int entries, int newReceipts, int duplicates, int ignoredEntries,
                           List<String> problems) {
    public ImportReport {
        problems = List.copyOf(problems);
    }
}
