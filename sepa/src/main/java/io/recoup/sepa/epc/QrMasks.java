package io.recoup.sepa.epc;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.decoder.Version;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.QRCode;

/**
 * The mask choice of ISO/IEC 18004 §7.8.3 (the mask with the lowest penalty, the lowest number on a tie), scored with
 * the four penalty rules exactly as ZXing's encoder scores them, so the symbol is the one ZXing would have chosen.
 * ZXing lays the whole symbol out again for each of the eight masks and scores it module by module; that was most of
 * the cost of an e-mail reminder. Here the symbol is laid out once, with mask 0: the other seven differ from it only in
 * the data modules (flipped where the two mask patterns differ) and in the format information. Each row and each
 * column of a symbol up to {@link #MAX_VERSION} fits in a {@code long}, so each mask is derived with one XOR a row and
 * scored with bit operations. The function patterns (finders with their separators, timing, alignment, format and
 * version areas) are the ones §6.3 places for the symbol's version.
 */
final class QrMasks {
    /** The largest version whose 61 modules a row fit in a {@code long}; larger symbols keep ZXing's own choice. */
    static final int MAX_VERSION = 11;
    private static final int MASKS = 8;
    private static final int N1 = 3;
    private static final int N2 = 3;
    private static final int N3 = 40;
    private static final int N4 = 10;
    /** Where bit i (0 = least significant) of the 15-bit format information goes, next to the top-left finder (§7.9.1). */
    private static final int[][] FORMAT_CELLS = {{8, 0}, {8, 1}, {8, 2}, {8, 3}, {8, 4}, {8, 5}, {8, 7}, {8, 8}, {7, 8}, {5, 8},
        {4, 8}, {3, 8}, {2, 8}, {1, 8}, {0, 8}};
    /** Per version: for each mask, per row, the data modules where it differs from mask 0. */
    private static final long[][][] TOGGLES = new long[MAX_VERSION + 1][][];

    static {
        for (int v = 1; v <= MAX_VERSION; v++) {
            TOGGLES[v] = toggles(Version.getVersionForNumber(v));
        }
    }

    private QrMasks() {
    }

    /** The mask (0 to 7) for the symbol that {@code maskZero} is with mask 0 applied, of version {@link #MAX_VERSION} at most. */
    static int lowestPenalty(QRCode maskZero) {
        long[] zero = rows(maskZero);
        int size = zero.length;
        long[] rows = new long[size];
        long[] columns = new long[size];
        int best = 0;
        int lowest = Integer.MAX_VALUE;
        for (int mask = 0; mask < MASKS; mask++) {
            derive(zero, TOGGLES[maskZero.getVersion().getVersionNumber()][mask],
                    formatBits(maskZero.getECLevel(), mask), rows, columns);
            int penalty = penalty(rows, columns, size);
            if (penalty < lowest) {
                lowest = penalty;
                best = mask;
            }
        }
        return best;
    }

    /** The symbol {@code maskZero} with the mask of lowest penalty instead, as ZXing lays it out with that mask. */
    static QRCode withLowestPenalty(QRCode maskZero) {
        int mask = lowestPenalty(maskZero);
        if (mask == 0) {
            return maskZero;
        }
        long[] zero = rows(maskZero);
        int size = zero.length;
        long[] rows = new long[size];
        derive(zero, TOGGLES[maskZero.getVersion().getVersionNumber()][mask], formatBits(maskZero.getECLevel(), mask), rows,
                new long[size]);
        ByteMatrix matrix = new ByteMatrix(size, size);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                matrix.set(x, y, (int) (rows[y] >>> x & 1));
            }
        }
        QRCode code = new QRCode();
        code.setMode(maskZero.getMode());
        code.setECLevel(maskZero.getECLevel());
        code.setVersion(maskZero.getVersion());
        code.setMaskPattern(mask);
        code.setMatrix(matrix);
        return code;
    }

    /** Row y of the symbol as bit x of {@code rows[y]}. */
    private static long[] rows(QRCode maskZero) {
        int version = maskZero.getVersion().getVersionNumber();
        if (maskZero.getMaskPattern() != 0 || version > MAX_VERSION) {
            throw new IllegalArgumentException("masks are derived from a symbol of version 1 to " + MAX_VERSION + " with mask 0, not"
                    + " version " + version + " with mask " + maskZero.getMaskPattern());
        }
        ByteMatrix matrix = maskZero.getMatrix();
        int size = matrix.getWidth();
        long[] rows = new long[size];
        byte[][] cells = matrix.getArray();
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                rows[y] |= (long) cells[y][x] << x;
            }
        }
        return rows;
    }

    /**
     * The symbol with a mask: row y's module x is bit x of {@code rows[y]} and bit y of {@code columns[x]}
     * (package-private for the test that compares it with ZXing's layout of each mask).
     */
    static void derive(long[] zero, long[] toggles, int format, long[] rows, long[] columns) {
        int size = zero.length;
        for (int y = 0; y < size; y++) {
            rows[y] = zero[y] ^ toggles[y];
        }
        for (int bit = 0; bit < FORMAT_CELLS.length; bit++) {
            long value = (format >>> bit) & 1;
            set(rows, FORMAT_CELLS[bit][0], FORMAT_CELLS[bit][1], value);
            set(rows, bit < 8 ? size - 1 - bit : 8, bit < 8 ? 8 : size - 7 + (bit - 8), value);
        }
        java.util.Arrays.fill(columns, 0L);
        for (int y = 0; y < size; y++) {
            for (long dark = rows[y]; dark != 0; dark &= dark - 1) {
                columns[Long.numberOfTrailingZeros(dark)] |= 1L << y;
            }
        }
    }

    private static void set(long[] rows, int x, int y, long value) {
        rows[y] = (rows[y] & ~(1L << x)) | (value << x);
    }

    /** For each mask, per row, the data modules where the mask's pattern differs from mask 0's. */
    private static long[][] toggles(Version version) {
        int size = version.getDimensionForVersion();
        boolean[] function = functionModules(version, size);
        long[][] toggles = new long[MASKS][size];
        for (int mask = 0; mask < MASKS; mask++) {
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    if (!function[y * size + x] && flips(0, x, y) != flips(mask, x, y)) {
                        toggles[mask][y] |= 1L << x;
                    }
                }
            }
        }
        return toggles;
    }

    /** §7.8.2 table 10: whether {@code mask} flips the data module at column {@code x}, row {@code y}. */
    static boolean flips(int mask, int x, int y) {
        int product = x * y;
        return switch (mask) {
            case 0 -> ((y + x) & 1) == 0;
            case 1 -> (y & 1) == 0;
            case 2 -> x % 3 == 0;
            case 3 -> (y + x) % 3 == 0;
            case 4 -> (((y / 2) + (x / 3)) & 1) == 0;
            case 5 -> (product & 1) + product % 3 == 0;
            case 6 -> (((product & 1) + product % 3) & 1) == 0;
            case 7 -> ((product % 3 + ((y + x) & 1)) & 1) == 0;
            default -> throw new IllegalArgumentException("no QR mask " + mask);
        };
    }

    /** §7.9.1: the level's two bits and the mask's three, their BCH(15,5) code, XORed with 101010000010010. */
    static int formatBits(ErrorCorrectionLevel level, int mask) {
        int data = (level.getBits() << 3) | mask;
        int remainder = data << 10;
        for (int bit = 14; bit >= 10; bit--) {
            if ((remainder >>> bit & 1) != 0) {
                remainder ^= 0x537 << (bit - 10);
            }
        }
        return ((data << 10) | remainder) ^ 0x5412;
    }

    /** The modules no mask touches, row by row. */
    static boolean[] functionModules(Version version, int size) {
        boolean[] function = new boolean[size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                boolean versionInfo = version.getVersionNumber() >= 7
                        && ((x < 6 && y >= size - 11 && y < size - 8) || (y < 6 && x >= size - 11 && x < size - 8));
                function[y * size + x] = nearFinder(x, y, size) || versionInfo || x == 6 || y == 6;
            }
        }
        int[] centers = version.getAlignmentPatternCenters();
        for (int cy : centers) {
            for (int cx : centers) {
                if (nearFinder(cx, cy, size)) {
                    continue; // no alignment pattern overlaps a finder pattern
                }
                for (int y = cy - 2; y <= cy + 2; y++) {
                    for (int x = cx - 2; x <= cx + 2; x++) {
                        function[y * size + x] = true;
                    }
                }
            }
        }
        return function;
    }

    /** A finder pattern, its separator, and the format information beside it (and the dark module below the last). */
    private static boolean nearFinder(int x, int y, int size) {
        return (x < 9 && y < 9) || (x >= size - 8 && y < 9) || (x < 9 && y >= size - 8);
    }

    private static int penalty(long[] rows, long[] columns, int size) {
        return lines(rows, size) + lines(columns, size) + N2 * blocks(rows, size) + N4 * balance(rows, size);
    }

    /**
     * Rules 1 and 3 along each line: a run of five or more modules of one colour scores 3 and 1 for each module past
     * five; each 1011101 with four light modules before or after it scores 40. As in ZXing, four modules that would
     * reach past the symbol's edge do not count as light (the quiet zone is not part of the symbol).
     */
    private static int lines(long[] lines, int size) {
        long inside = (1L << size) - 1;
        long pairs = inside >>> 1;
        int penalty = 0;
        for (long dark : lines) {
            long light = ~dark & inside;
            // bit x: module x has the colour of module x + 1; a run of L modules is L - 1 such bits in a row
            long same = ~(dark ^ (dark >>> 1)) & pairs;
            long four = same & (same >>> 1) & (same >>> 2) & (same >>> 3);
            long starts = four & ~(four << 1);
            penalty += Long.bitCount(four) + 2 * Long.bitCount(starts);
            long finder = dark & (light >>> 1) & (dark >>> 2) & (dark >>> 3) & (dark >>> 4) & (light >>> 5) & (dark >>> 6);
            long lightFour = light & (light >>> 1) & (light >>> 2) & (light >>> 3);
            penalty += N3 * Long.bitCount(finder & ((lightFour << 4) | (lightFour >>> 7)));
        }
        return penalty;
    }

    /** Rule 2: each 2x2 block of one colour, overlapping blocks counted each. */
    private static int blocks(long[] rows, int size) {
        long pairs = (1L << (size - 1)) - 1;
        int count = 0;
        for (int y = 0; y + 1 < size; y++) {
            long sameColumn = ~(rows[y] ^ rows[y + 1]);
            long sameRow = ~(rows[y] ^ (rows[y] >>> 1));
            count += Long.bitCount(sameColumn & (sameColumn >>> 1) & sameRow & pairs);
        }
        return count;
    }

    /** Rule 4: the number of full 5% steps the share of dark modules is away from half. */
    private static int balance(long[] rows, int size) {
        int dark = 0;
        for (long row : rows) {
            dark += Long.bitCount(row);
        }
        int total = size * size;
        return Math.abs(dark * 2 - total) * 10 / total;
    }
}
