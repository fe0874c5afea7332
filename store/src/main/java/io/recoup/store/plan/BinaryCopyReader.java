package io.recoup.store.plan;

import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;
import org.postgresql.copy.CopyOut;

/**
 * Reads the rows of {@code COPY ... TO STDOUT WITH (FORMAT BINARY)} in PostgreSQL's documented binary copy format
 * (signature, flags and extension header; then per row a field count and length-prefixed fields; a -1 field count
 * ends the data). The server sends each value in its binary form, so it converts nothing to text, and each row costs
 * the reader no object beyond the values asked for. Fields are read in order, each with the accessor of its type.
 * Values are decoded straight from the chunks the driver hands over, which need not end at a row's end.
 */
final class BinaryCopyReader implements AutoCloseable {
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
    private static final int POSTGRES_EPOCH_DAY = 10_957; // 2000-01-01 as days since 1970-01-01
    private static final int NUMERIC_NEGATIVE = 0x4000;
    private static final int NUMERIC_NAN = 0xC000;

    private final Chunks chunks;
    private final int fields;
    private byte[] chunk = new byte[0];
    private int position;
    private int row;
    private int field;

    /** @param fields how many fields every row has (the select list of the copied query) */
    BinaryCopyReader(Chunks chunks, int fields) throws IOException {
        this.chunks = chunks;
        this.fields = fields;
        try {
            ensure(SIGNATURE.length);
        } catch (EOFException e) {
            throw new IOException("not a PostgreSQL binary copy stream: it ends before the PGCOPY signature", e);
        }
        if (!Arrays.equals(chunk, position, position + SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
            throw new IOException("not a PostgreSQL binary copy stream: it does not start with the PGCOPY signature");
        }
        position += SIGNATURE.length;
        readInt(); // flags: bit 16 (OIDs) is never set for a query's copy
        int extension = readInt();
        ensure(extension);
        position += extension;
    }

    /** Where the bytes come from: the driver's copy, one chunk at a time, null at the end. */
    @FunctionalInterface
    interface Chunks {
        byte[] next() throws IOException;

        static Chunks of(CopyOut copy) {
            return () -> {
                try {
                    return copy.readFromCopy();
                } catch (SQLException e) {
                    throw new IOException("the copy stopped: " + e.getMessage(), e);
                }
            };
        }
    }

    /** Moves to the next row; false once the trailer is read. */
    boolean next() throws IOException {
        short count = readShort();
        if (count == -1) {
            return false;
        }
        if (count != fields) {
            throw new IOException("row " + (row + 1) + " of the copy has " + count + " fields, not " + fields);
        }
        row++;
        field = 0;
        return true;
    }

    long int8() throws IOException {
        expectLength(8);
        ensure(8);
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = value << 8 | (chunk[position++] & 0xff);
        }
        return value;
    }

    /** A {@code date} as days since 1970-01-01. */
    int epochDay() throws IOException {
        expectLength(4);
        return readInt() + POSTGRES_EPOCH_DAY;
    }

    String text() throws IOException {
        int length = length();
        ensure(length);
        String text = new String(chunk, position, length, StandardCharsets.UTF_8);
        position += length;
        return text;
    }

    /**
     * A {@code numeric} as a whole number of 10^-{@code scale} units (scale 4: 12.5 is 125000). Refuses NaN, a value
     * with more decimals than {@code scale} and one beyond a long, rather than rounding.
     */
    long numeric(int scale) throws IOException {
        int length = length();
        ensure(length);
        int digits = readShort() & 0xffff;
        int weight = readShort();
        int sign = readShort() & 0xffff;
        readShort(); // display scale
        if (length != 8 + 2 * digits || sign == NUMERIC_NAN) {
            throw new IOException("field " + field + " of row " + row + " is not a finite numeric");
        }
        // base-10000 digits; digit i is worth 10000^(weight - i)
        long value = 0;
        for (int i = 0; i < digits; i++) {
            int digit = readShort() & 0xffff;
            int decimalExponent = 4 * (weight - i) + scale;
            if (decimalExponent < 0) {
                if (digit % pow10(-decimalExponent) != 0) {
                    throw new ArithmeticException("field " + field + " of row " + row + " has more than " + scale + " decimals");
                }
                value = Math.addExact(value, digit / pow10(-decimalExponent));
            } else {
                value = Math.addExact(value, Math.multiplyExact(digit, pow10(decimalExponent)));
            }
        }
        return sign == NUMERIC_NEGATIVE ? -value : value;
    }

    private static long pow10(int exponent) {
        if (exponent > 18) {
            throw new ArithmeticException("10^" + exponent + " is beyond a long");
        }
        long power = 1;
        for (int i = 0; i < exponent; i++) {
            power *= 10;
        }
        return power;
    }

    private void expectLength(int expected) throws IOException {
        int length = length();
        if (length != expected) {
            throw new IOException("field " + field + " of row " + row + " is " + length + " bytes long, not " + expected);
        }
    }

    private int length() throws IOException {
        if (field == fields) {
            throw new IllegalStateException("row " + row + " has only " + fields + " fields");
        }
        field++;
        int length = readInt();
        if (length < 0) {
            throw new IOException("field " + field + " of row " + row + " is null");
        }
        return length;
    }

    private int readInt() throws IOException {
        ensure(4);
        int value = (chunk[position] & 0xff) << 24 | (chunk[position + 1] & 0xff) << 16 | (chunk[position + 2] & 0xff) << 8
                | chunk[position + 3] & 0xff;
        position += 4;
        return value;
    }

    private short readShort() throws IOException {
        ensure(2);
        short value = (short) ((chunk[position] & 0xff) << 8 | chunk[position + 1] & 0xff);
        position += 2;
        return value;
    }

    /** Makes the next {@code bytes} bytes readable at {@code position}, joining chunks when a value spans two. */
    private void ensure(int bytes) throws IOException {
        if (chunk.length - position >= bytes) {
            return;
        }
        // usually the chunk is used up and the next one starts a row: take it as it is
        byte[] joined = position == chunk.length ? null : Arrays.copyOfRange(chunk, position, chunk.length);
        while (joined == null || joined.length < bytes) {
            byte[] next = chunks.next();
            if (next == null) {
                throw new EOFException("the copy ended in the middle of row " + row + " (" + bytes + " bytes wanted)");
            }
            if (joined == null) {
                joined = next;
            } else {
                byte[] longer = Arrays.copyOf(joined, joined.length + next.length);
                System.arraycopy(next, 0, longer, joined.length, next.length);
                joined = longer;
            }
        }
        chunk = joined;
        position = 0;
    }

    /** Reads to the end of the copy, so the connection is ready for the next statement. */
    @Override
    public void close() throws IOException {
        while (chunks.next() != null) {
            position = chunk.length;
        }
    }
}
