package io.recoup.routes.ingest;

import io.recoup.core.ledger.Rejection;
import java.util.List;

/** What one read of a ledger file did: items new, changed and unchanged, and every record refused with why. */
public record IngestReport(String origin, int inserted, int updated, int unchanged, List<Rejection> rejections) {}
