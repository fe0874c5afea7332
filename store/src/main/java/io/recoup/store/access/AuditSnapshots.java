package io.recoup.store.access;

import io.recoup.store.Database;
import io.recoup.store.plan.PauseRepository;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The state a person's change can touch, read before and after it for the audit log: an item's status, open amount
 * and pauses; a customer's holds, opt-outs and mandates; a receipt's status and allocations. Bank accounts are left
 * out: the audit log says what changed, not whose account it was.
 */
public final class AuditSnapshots {
    private final Database db;
    private final PauseRepository pauses;

    public AuditSnapshots(Database db) {
        this.db = db;
        this.pauses = new PauseRepository(db);
    }

    public Map<String, Object> item(long itemId) {
        Map<String, Object> state = new LinkedHashMap<>(db.jdbc().queryForMap(
                "select status, currency, open_amount from open_item where id = ?", itemId));
        state.putAll(pauses.pausesOf(itemId));
        return state;
    }

    public Map<String, Object> customer(long customerId) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("holds", db.jdbc().queryForList("""
                select kind, reason, since, until, created_by, released_at from hold where customer_id = ? and item_id is null
                order by id""", customerId));
        state.put("optOuts", db.jdbc().queryForList("select channel from opt_out where customer_id = ? order by channel",
                String.class, customerId));
        state.put("mandates", db.jdbc().queryForList("select id, reference, state, signature_date from mandate where customer_id = ? "
                + "order by id", customerId));
        return state;
    }

    /** A receipt's state; empty for a receipt that does not exist. */
    public Map<String, Object> receipt(long receiptId) {
        Map<String, Object> state = new LinkedHashMap<>();
        db.jdbc().query("select status, currency, amount, unallocated from receipt where id = ?", rs -> {
            state.put("status", rs.getString(1));
            state.put("currency", rs.getString(2));
            state.put("amount", rs.getBigDecimal(3));
            state.put("unallocated", rs.getBigDecimal(4));
        }, receiptId);
        if (!state.isEmpty()) {
            state.put("allocations", db.jdbc().queryForList("""
                    select i.source, i.external_id as item, a.amount, a.rule from allocation a join open_item i on i.id = a.item_id
                    where a.receipt_id = ? order by a.id""", receiptId));
        }
        return state;
    }
}
