package io.recoup.store.report;

import java.util.ArrayList;
import java.util.List;

/**
 * One kind of row of the scheduled table (planned notices, promises falling due, instalments falling due), read in the
 * table's order from its own index. A page reads only the keys of each part down to its depth ({@link #keys}), merges
 * them, and then the whole rows of the page's keys ({@link #rows}); the CSV export reads every whole row ({@link #all}).
 * Every row carries what it is ordered by: its day, its kind, and within the kind {@code at}, {@code ref} (the row's id,
 * or the plan's for an instalment) and {@code seq} (the instalment's number, else 0).
 *
 * @param kind       what the rows are ({@code notice}, {@code promise due}, {@code instalment due})
 * @param onDate     the day a row falls on
 * @param at         what orders the rows of one day within the kind
 * @param ref        the row's id, or the plan's for an instalment
 * @param seq        the instalment's number, else 0
 * @param rowColumns the columns the page shows besides the day and the kind
 * @param from       the tables the filter needs
 * @param join       the tables only the shown columns need
 * @param where      the filter, with the part's parameters
 * @param order      the order within the part, as its index gives it
 */
record ScheduledPart(String kind, String onDate, String at, String ref, String seq, String rowColumns, String from, String join,
                     String where, String order, List<Object> args) {
    private String keyColumns() {
        return onDate + " as on_date, '" + kind + "' as kind, " + at + " as at, " + ref + " as ref, " + seq + " as seq";
    }

    Listing all() {
        return new Listing(kind, "select " + keyColumns() + ", " + rowColumns + " from " + from + join + " where " + where
                + " order by " + order, args);
    }

    Listing keys() {
        return new Listing(kind + " keys", "select " + keyColumns() + " from " + from + " where " + where + " order by " + order,
                args);
    }

    /** The whole rows whose {@code ref} is one of {@code refs} (an instalment's plan may bring its other instalments). */
    Listing rows(Long[] refs) {
        List<Object> withRefs = new ArrayList<>(args);
        withRefs.add(refs);
        return new Listing(kind + " rows", "select " + keyColumns() + ", " + rowColumns + " from " + from + join + " where "
                + where + " and " + ref + " = any (?::bigint[]) order by " + order, withRefs);
    }
}
