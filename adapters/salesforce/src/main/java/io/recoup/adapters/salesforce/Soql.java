package io.recoup.adapters.salesforce;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * The SOQL this adapter sends, built from the mapping: everything open for a full sync, everything changed at or after
 * a time for an incremental one (open or not, so that what was paid or cancelled is seen as closed, deleted records
 * included through {@code queryAll}), and lookups by id or external id. Values are quoted and escaped here, once.
 */
final class Soql {
    private Soql() {}

    static String open(ObjectMapping m) {
        StringBuilder where = new StringBuilder(m.balance()).append(" > 0");
        m.status().ifPresent(status -> where.insert(0, status + " IN (" + quoted(m.openStatuses()) + ") AND "));
        m.filter().ifPresent(filter -> where.append(" AND (").append(filter).append(')'));
        return "SELECT " + String.join(", ", m.selectedFields()) + " FROM " + m.object() + " WHERE " + where;
    }

    static String changedSince(ObjectMapping m, Instant since) {
        StringBuilder where = new StringBuilder(m.modstamp()).append(" >= ").append(dateTime(since));
        m.filter().ifPresent(filter -> where.append(" AND (").append(filter).append(')'));
        return "SELECT " + String.join(", ", m.selectedFields()) + ", IsDeleted FROM " + m.object() + " WHERE " + where
                + " ORDER BY " + m.modstamp();
    }

    static String whereIn(String object, String selected, String field, Collection<String> values) {
        return "SELECT " + selected + " FROM " + object + " WHERE " + field + " IN (" + quoted(values) + ")";
    }

    /** A SOQL datetime literal: unquoted ISO-8601 in UTC, whole seconds (rounded down, so {@code >=} loses nothing). */
    static String dateTime(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    static String quoted(Collection<String> values) {
        return values.stream().map(Soql::literal).collect(Collectors.joining(", "));
    }

    /** A SOQL string literal; backslash and quote are escaped as SOQL requires. */
    static String literal(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
