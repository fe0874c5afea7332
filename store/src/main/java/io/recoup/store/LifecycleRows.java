package io.recoup.store;

import io.recoup.core.lifecycle.Lifecycle;
import java.util.stream.Collectors;

/**
 * The one place the store writes a status column that follows a lifecycle (collection, notice, action, receipt,
 * posting). Every update sets the event's target and is guarded by the states the table lets the event start from,
 * so a row moves only along a declared arrow. When the guard finds the row elsewhere, a row already at the target or
 * moved on from it (a replayed file, another run got there first) is reported as {@code false}, nothing changed;
 * any other state is an {@link io.recoup.core.lifecycle.IllegalTransition}. New rows are inserted in the table's
 * initial state ({@link #initial()}).
 *
 * @param <S> the states, stored as their names in the column {@code status}
 * @param <E> the events of the lifecycle
 */
public final class LifecycleRows<S extends Enum<S>, E extends Enum<E>> {
    private final Database db;
    private final String table;
    private final Lifecycle<S, E> lifecycle;

    public LifecycleRows(Database db, String table, Lifecycle<S, E> lifecycle) {
        this.db = db;
        this.table = table;
        this.lifecycle = lifecycle;
    }

    /** The status a new row is inserted with, as stored. */
    public String initial() {
        return lifecycle.initial().name();
    }

    /** The stored names of the states {@code event} starts from, quoted for an SQL {@code in (...)} list. */
    public String sourcesOf(E event) {
        return lifecycle.sources(event).stream().map(state -> "'" + state.name() + "'").collect(Collectors.joining(", "));
    }

    /**
     * Applies {@code event} to the row {@code id}, also setting {@code alsoSet} (an SQL assignment list over
     * {@code args}, may be empty). True when the row moved; false when the event was already applied.
     *
     * @throws io.recoup.core.lifecycle.IllegalTransition when the row's state does not allow the event
     */
    public boolean move(long id, E event, String alsoSet, Object... args) {
        if (update("id", id, event, alsoSet, args) == 1) {
            return true;
        }
        String stored = db.jdbc().queryForObject("select status from " + table + " where id = ?", String.class, id);
        S state = Enum.valueOf(lifecycle.states(), stored);
        if (lifecycle.alreadyApplied(state, event)) {
            return false;
        }
        throw lifecycle.refusal(state, event, id);
    }

    /**
     * Applies {@code event} to every row whose {@code column} is {@code value} and whose state allows it; rows in
     * other states stay as they are. Returns how many moved.
     */
    public int moveAll(String column, long value, E event, String alsoSet, Object... args) {
        return update(column, value, event, alsoSet, args);
    }

    /**
     * Applies {@code event} to the rows {@code ids} in one statement, also setting {@code alsoSet}, which may name the
     * columns of {@code u}: one value per row of each of {@code arrays}, declared in {@code columns} (for example
     * {@code "reason text, given numeric"}).
     *
     * @throws IllegalStateException when a row did not move (it was elsewhere): the caller rolls back and can fall back
     *                               to {@link #move} row by row, which tells an event already applied from a refusal
     */
    public void moveEach(E event, String alsoSet, long[] ids, String columns, Object[]... arrays) {
        StringBuilder unnest = new StringBuilder("?::bigint[]");
        for (String column : columns.split(",")) {
            unnest.append(", ?::").append(column.trim().split("\\s+")[1]).append("[]");
        }
        Object[] params = new Object[arrays.length + 2];
        params[0] = java.util.Arrays.stream(ids).boxed().toArray(Long[]::new);
        System.arraycopy(arrays, 0, params, 1, arrays.length);
        params[params.length - 1] = params[0]; // the id list again, so the primary key finds the rows whatever the statistics say
        String names = java.util.Arrays.stream(columns.split(",")).map(c -> c.trim().split("\\s+")[0])
                .collect(Collectors.joining(", "));
        int moved = db.jdbc().update("update " + table + " set status = '" + lifecycle.target(event).name() + "'"
                + (alsoSet.isEmpty() ? "" : ", " + alsoSet) + " from unnest(" + unnest + ") as u(id, " + names + ") where "
                + table + ".id = u.id and " + table + ".status in (" + sourcesOf(event) + ") and " + table + ".id = any(?::bigint[])",
                params);
        if (moved != ids.length) {
            throw new IllegalStateException((ids.length - moved) + " of " + ids.length + " " + table + " rows did not take "
                    + event + ": they moved meanwhile");
        }
    }

    private int update(String column, long value, E event, String alsoSet, Object[] args) {
        Object[] params = new Object[args.length + 2];
        params[0] = lifecycle.target(event).name();
        System.arraycopy(args, 0, params, 1, args.length);
        params[params.length - 1] = value;
        return db.jdbc().update("update " + table + " set status = ?" + (alsoSet.isEmpty() ? "" : ", " + alsoSet)
                + " where " + column + " = ? and status in (" + sourcesOf(event) + ")", params);
    }
}
