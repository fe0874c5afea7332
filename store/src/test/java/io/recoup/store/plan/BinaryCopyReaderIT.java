package io.recoup.store.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recoup.store.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/** The binary copy reader on what a real PostgreSQL sends, cut into chunks at every possible place. */
class BinaryCopyReaderIT {
    private static final String VALUES = """
            copy (select id, t, d, n from (values
                (1::bigint, 'INV-1', date '2026-03-02', 100.0000::numeric(20, 4)),
                (-7, 'Rechnung Nr. 5 – Müller ✓', date '1969-12-31', 0.0001),
                (9007199254740993, '', date '2000-01-01', -1234567.89),
                (42, 'tab	and
            newline', date '2099-12-31', 99999999999999.9999),
                (0, 'zero', date '1970-01-01', 0)
            ) v(id, t, d, n)) to stdout with (format binary)""";

    private static byte[] copy(String sql) throws Exception {
        DataSource dataSource = TestDatabase.fresh();
        try (Connection c = dataSource.getConnection()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            c.unwrap(PGConnection.class).getCopyAPI().copyOut(sql, out);
            return out.toByteArray();
        }
    }

    /** The stream cut into chunks of {@code size} bytes, as the driver might hand it over. */
    private static BinaryCopyReader.Chunks chunks(byte[] all, int size) {
        List<byte[]> parts = new ArrayList<>();
        for (int from = 0; from < all.length; from += size) {
            parts.add(java.util.Arrays.copyOfRange(all, from, Math.min(all.length, from + size)));
        }
        Iterator<byte[]> it = parts.iterator();
        return () -> it.hasNext() ? it.next() : null;
    }

    private static List<String> rows(BinaryCopyReader reader) throws IOException {
        List<String> rows = new ArrayList<>();
        while (reader.next()) {
            rows.add(reader.int8() + "|" + reader.text() + "|" + reader.epochDay() + "|" + reader.numeric(4));
        }
        return rows;
    }

    @Test
    void readsWhatPostgresSendsWhereverTheChunksEnd() throws Exception {
        byte[] all = copy(VALUES);
        List<String> expected = List.of("1|INV-1|20514|1000000", "-7|Rechnung Nr. 5 – Müller ✓|-1|1",
                "9007199254740993||10957|-12345678900", "42|tab\tand\nnewline|47481|999999999999999999", "0|zero|0|0");
        for (int size : new int[] {1, 2, 3, 7, 19, 64, all.length}) {
            try (BinaryCopyReader reader = new BinaryCopyReader(chunks(all, size), 4)) {
                assertThat(rows(reader)).as("chunks of %d bytes", size).isEqualTo(expected);
            }
        }
    }

    @Test
    void refusesMoreDecimalsThanAskedForAndValuesBeyondALong() throws Exception {
        byte[] decimals = copy("copy (select 1.00005::numeric) to stdout with (format binary)");
        try (BinaryCopyReader reader = new BinaryCopyReader(chunks(decimals, decimals.length), 1)) {
            reader.next();
            assertThatThrownBy(() -> reader.numeric(4)).isInstanceOf(ArithmeticException.class).hasMessageContaining("more than 4 decimals");
        }
        byte[] huge = copy("copy (select 1e20::numeric) to stdout with (format binary)");
        try (BinaryCopyReader reader = new BinaryCopyReader(chunks(huge, huge.length), 1)) {
            reader.next();
            assertThatThrownBy(() -> reader.numeric(4)).isInstanceOf(ArithmeticException.class);
        }
    }

    @Test
    void namesTheRowAndFieldOfANullOrAMissingEnd() throws Exception {
        byte[] nulls = copy("copy (select 1::bigint, null::text) to stdout with (format binary)");
        try (BinaryCopyReader reader = new BinaryCopyReader(chunks(nulls, nulls.length), 2)) {
            reader.next();
            reader.int8();
            assertThatThrownBy(reader::text).isInstanceOf(IOException.class).hasMessage("field 2 of row 1 is null");
        }
        byte[] cut = java.util.Arrays.copyOf(nulls, nulls.length - 6);
        BinaryCopyReader reader = new BinaryCopyReader(chunks(cut, 5), 2);
        reader.next();
        reader.int8();
        assertThatThrownBy(reader::next).isInstanceOf(EOFException.class).hasMessageContaining("row 1");
        assertThatThrownBy(() -> new BinaryCopyReader(chunks("1\tINV-1\n".getBytes(), 8), 2))
                .isInstanceOf(IOException.class).hasMessageContaining("ends before the PGCOPY signature");
        assertThatThrownBy(() -> new BinaryCopyReader(chunks("1\tINV-1\t2026-03-02\n".getBytes(), 8), 2))
                .isInstanceOf(IOException.class).hasMessageContaining("does not start with the PGCOPY signature");
    }
}
