package io.recoup.routes.receive;

import java.util.List;

/** One statement file read: receipts new and already known, entries that are not receipts, and reader problems. */
public record ImportReport(String origin, int newReceipts, int duplicates, int ignoredEntries, List<String> problems) {}
