package io.recoup.store;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;

/**
 * Rows written with PostgreSQL's {@code COPY ... FROM STDIN (FORMAT csv)} on the transaction's own connection: for
 * the large set-based inserts (a page of a first sync), where COPY spares the per-row work of an
 * {@code INSERT ... SELECT FROM unnest(...)}. Every value is quoted, so commas, quotes and line breaks in a name are
 * data; a null is the unquoted empty field. A refused row fails the COPY as a refused INSERT would (Spring's
 * translated {@code DataAccessException}), and nothing of it is written.
 */
public final class CopyRows {
    private final StringBuilder csv = new StringBuilder();
    private int rows;

    /** Adds one row, its values in the column order of {@link #into}. */
    public CopyRows row(Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                csv.append(',');
            }
            Object value = values[i];
            if (value != null) {
                String text = value instanceof Timestamp t ? t.toInstant().toString() : value.toString();
                csv.append('"').append(text.replace("\"", "\"\"")).append('"');
            }
        }
        csv.append('\n');
        rows++;
        return this;
    }

    public int size() {
        return rows;
    }

    /** Writes the rows into {@code tableAndColumns} (e.g. {@code open_item (id, number)}); returns how many were written. */
    public long into(Database db, String tableAndColumns) {
        if (rows == 0) {
            return 0;
        }
        return db.jdbc().execute((ConnectionCallback<Long>) connection -> {
            try {
                return connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + tableAndColumns
                        + " from stdin with (format csv)", new StringReader(csv.toString()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot hand the rows to COPY " + tableAndColumns, e);
            }
        });
    }
}
