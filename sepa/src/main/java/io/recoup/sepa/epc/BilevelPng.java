package io.recoup.sepa.epc;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A black-and-white image as a PNG of bit depth 1, colour type 0 (greyscale: 0 black, 1 white), no interlace, every
 * scanline with filter type 0 or Up (PNG specification, ISO/IEC 15948 §11.2, §9): the smallest PNG a QR code can be, written
 * without ImageIO, whose writer went through its colour model pixel by pixel and buffered through a temporary file.
 */
final class BilevelPng {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    /** Filter type Up (PNG §9.2): each byte is the difference to the byte above it. */
    static final byte FILTER_UP = 2;
    /**
     * One deflater per thread, reset after each image: setting one up (zlib's window and tables) cost as much as
     * compressing a QR code's few kilobytes.
     */
    private static final ThreadLocal<Deflater> DEFLATERS = ThreadLocal.withInitial(() -> new Deflater(Deflater.BEST_SPEED));

    private BilevelPng() {
    }

    /**
     * @param scanlines each row as one filter byte (0, none, or {@link #FILTER_UP}) and {@code (width + 7) / 8} bytes,
     *                  the leftmost pixel in the high bit
     */
    static byte[] encode(int width, int height, byte[] scanlines) {
        if (scanlines.length != height * (1 + (width + 7) / 8)) {
            throw new IllegalArgumentException("a " + width + "x" + height + " 1-bit image has " + height * (1 + (width + 7) / 8)
                    + " bytes of scanlines, not " + scanlines.length);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(scanlines.length / 4 + 128);
        out.writeBytes(SIGNATURE);
        byte[] header = new byte[13];
        putInt(header, 0, width);
        putInt(header, 4, height);
        header[8] = 1; // bit depth; colour type 0, compression 0, filter 0 and interlace 0 stay zero
        chunk(out, "IHDR", header, header.length);
        Deflater deflater = DEFLATERS.get();
        try {
            deflater.setInput(scanlines);
            deflater.finish();
            byte[] compressed = new byte[scanlines.length + 64];
            int length = 0;
            while (!deflater.finished()) {
                if (length == compressed.length) {
                    compressed = java.util.Arrays.copyOf(compressed, compressed.length * 2);
                }
                length += deflater.deflate(compressed, length, compressed.length - length);
            }
            chunk(out, "IDAT", compressed, length);
        } finally {
            deflater.reset();
        }
        chunk(out, "IEND", new byte[0], 0);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data, int length) {
        byte[] head = new byte[8];
        putInt(head, 0, length);
        System.arraycopy(type.getBytes(StandardCharsets.US_ASCII), 0, head, 4, 4);
        CRC32 crc = new CRC32();
        crc.update(head, 4, 4);
        crc.update(data, 0, length);
        byte[] tail = new byte[4];
        putInt(tail, 0, (int) crc.getValue());
        out.write(head, 0, 8);
        out.write(data, 0, length);
        out.write(tail, 0, 4);
    }

    private static void putInt(byte[] target, int at, int value) {
        target[at] = (byte) (value >>> 24);
        target[at + 1] = (byte) (value >>> 16);
        target[at + 2] = (byte) (value >>> 8);
        target[at + 3] = (byte) value;
    }
}
