package io.recoup.store.plan;

import io.recoup.core.ledger.OpenItemKey;
import io.recoup.store.Database;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The ladder steps the planner left out for an item (skip-if), each kept once: the planner decides afresh on every
 * run, and only the first time a step is left out goes into the item's history.
 */
public final class SkippedSteps {
    private final Database db;

    public SkippedSteps(Database db) {
        this.db = db;
    }

    /** Keeps the skip of {@code step} and returns the item's key, or empty when it was kept on an earlier run. */
    public Optional<OpenItemKey> recordFirst(long itemId, String step, String reason, LocalDate day) {
        return db.jdbc().query("""
                with kept as (
                    insert into step_skip (item_id, step_id, reason, skipped_on) values (?, ?, ?, ?)
                    on conflict do nothing returning item_id)
                select i.source, i.external_id from kept join open_item i on i.id = kept.item_id""",
                (rs, n) -> new OpenItemKey(rs.getString(1), rs.getString(2)), itemId, step, reason, day).stream().findFirst();
    }
}
