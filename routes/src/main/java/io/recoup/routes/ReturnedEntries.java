package io.recoup.routes;

import io.recoup.sepa.camt.CamtEntry;
import io.recoup.sepa.camt.CamtStatement;

/**
 * What the statement import (stage {@code receive}) hands every booked entry that is not a receipt (debits, reversals)
 * to, inside the import's transaction, so a return is recorded together with the statement or not at all; the
 * direct-debit stage's return handling is the one that acts on them. Must be idempotent: a replayed statement hands
 * the same entries again. Shared here so neither stage depends on the other.
 */
@FunctionalInterface
public interface ReturnedEntries {
    /** Ignores every entry: for an instance that does not collect by direct debit. */
    ReturnedEntries NONE = (origin, statement, entry) -> { };

    void onEntry(String origin, CamtStatement statement, CamtEntry entry);
}
