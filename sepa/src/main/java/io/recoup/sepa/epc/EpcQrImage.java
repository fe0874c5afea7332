package io.recoup.sepa.epc;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import io.recoup.sepa.SepaErrorCode;
import io.recoup.sepa.SepaException;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Renders an {@link EpcQrPayload} as a black-on-white PNG: ZXing's QR encoder lays the symbol out, {@link QrMasks}
 * chooses its mask as ZXing would (cheaper), {@link BilevelPng} writes the 1-bit image. EPC069-12 §2 fixes the symbol:
 * error correction level M (never raised to Q or H), version 13 at most. The bytes are UTF-8 (character set 1 on
 * line 3) and the symbol declares it with an ECI 26 segment (ZXing writes one in byte mode when given the
 * {@code CHARACTER_SET} hint): decoders do not read line 3, and without the ECI they guess, zbar reading Ä as
 * Shift-JIS. Only an all-ASCII payload so close to 331 bytes that the 12-bit ECI segment would push it to version 14
 * goes without ECI, where every guess reads the same; a payload with any other character always fits with its ECI
 * ({@link EpcQrPayload#MAX_BYTES_NON_ASCII}), and is refused rather than encoded without one. Around the symbol is the
 * 4-module quiet zone ISO/IEC 18004 asks for.
 *
 * @param pixelsPerModule edge length of one module in pixels (at least 1)
 */
public record EpcQrImage(EpcQrPayload payload, int pixelsPerModule) {
    public static final int MAX_VERSION = 13;
    public static final int QUIET_ZONE_MODULES = 4;
    /** Pixels per module of {@link #forScreen}. */
    public static final int SCREEN_PIXELS_PER_MODULE = 4;
    private static final int ZXING_CHOOSES = -1;

    public EpcQrImage {
        if (payload == null) {
            throw new SepaException(SepaErrorCode.QR_IMAGE_FAILED, "EPC QR image: no payload given");
        }
        if (pixelsPerModule < 1 || pixelsPerModule > 40) {
            throw new SepaException(SepaErrorCode.QR_IMAGE_FAILED,
                    "EPC QR image: pixels per module must be 1 to 40, not " + pixelsPerModule);
        }
    }

    /** Eight pixels per module: a version 13 symbol with its quiet zone is 616 pixels wide, readable when printed. */
    public static EpcQrImage of(EpcQrPayload payload) {
        return new EpcQrImage(payload, 8);
    }

    /**
     * Four pixels per module, for an e-mail that shows the code at 180 pixels: a version 13 symbol with its quiet zone
     * is 308 pixels wide, a typical reminder's (version 6 to 8) 196 to 228, so a client scales it down a little at
     * most, and a phone's camera still sees every module. Eight would only be scaled away, and cost four times the
     * pixels to write and to send.
     */
    public static EpcQrImage forScreen(EpcQrPayload payload) {
        return new EpcQrImage(payload, SCREEN_PIXELS_PER_MODULE);
    }

    /** The encoded symbol: its version (1 to 13) and level M. */
    public QRCode symbol() {
        QRCode code = encode(true);
        if (code.getVersion().getVersionNumber() > MAX_VERSION && payload.isAscii()) {
            code = encode(false);
        }
        if (code.getVersion().getVersionNumber() > MAX_VERSION) {
            throw new SepaException(SepaErrorCode.QR_IMAGE_FAILED, "EPC069-12: symbol: the payload needs QR version "
                    + code.getVersion().getVersionNumber() + (payload.isAscii() ? "" : " with its UTF-8 declaration")
                    + ", at most " + MAX_VERSION + " is allowed");
        }
        return code;
    }

    /** The symbol as a 1-bit image (palette index 0 black, 1 white), the same pixels as {@link #png()}. */
    public BufferedImage image() {
        ByteMatrix matrix = symbol().getMatrix();
        int size = size(matrix);
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
        byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        int stride = (size + 7) / 8;
        byte[] row = new byte[stride];
        for (int moduleY = 0; moduleY < size / pixelsPerModule; moduleY++) {
            moduleRow(matrix, moduleY, row);
            for (int k = 0; k < pixelsPerModule; k++) {
                System.arraycopy(row, 0, pixels, (moduleY * pixelsPerModule + k) * stride, stride);
            }
        }
        return image;
    }

    /**
     * The symbol as a 1-bit greyscale PNG ({@link BilevelPng}). Each module row is packed once into its first pixel
     * row; the pixel rows below it say "the same as above" (filter type Up, all zeros).
     */
    public byte[] png() {
        ByteMatrix matrix = symbol().getMatrix();
        int size = size(matrix);
        int stride = (size + 7) / 8;
        byte[] scanlines = new byte[size * (stride + 1)];
        byte[] row = new byte[stride];
        for (int moduleY = 0; moduleY < size / pixelsPerModule; moduleY++) {
            moduleRow(matrix, moduleY, row);
            int first = moduleY * pixelsPerModule * (stride + 1);
            System.arraycopy(row, 0, scanlines, first + 1, stride);
            // the module row's other pixel rows repeat it: filter "Up" with nothing but zeros, which deflate shrinks fastest
            for (int k = 1; k < pixelsPerModule; k++) {
                scanlines[first + k * (stride + 1)] = BilevelPng.FILTER_UP;
            }
        }
        return BilevelPng.encode(size, size, scanlines);
    }

    /** Edge length in pixels, quiet zone included. */
    private int size(ByteMatrix matrix) {
        return (matrix.getWidth() + 2 * QUIET_ZONE_MODULES) * pixelsPerModule;
    }

    /** One pixel row of module row {@code moduleY} (quiet zone counted), packed 8 pixels a byte, a set bit white. */
    private void moduleRow(ByteMatrix matrix, int moduleY, byte[] row) {
        java.util.Arrays.fill(row, (byte) 0xFF);
        int y = moduleY - QUIET_ZONE_MODULES;
        if (y < 0 || y >= matrix.getHeight()) {
            return;
        }
        byte[] modules = matrix.getArray()[y];
        for (int module = 0; module < modules.length; module++) {
            if (modules[module] == 1) {
                int from = (module + QUIET_ZONE_MODULES) * pixelsPerModule;
                for (int x = from; x < from + pixelsPerModule; x++) {
                    row[x >> 3] &= (byte) ~(0x80 >>> (x & 7));
                }
            }
        }
    }

    /**
     * ZXing lays the symbol out with mask 0, and {@link QrMasks} turns it into the symbol with the mask ZXing's own choice
     * would take, as ZXing would lay it out: the same symbol for one layout instead of nine. A symbol above
     * {@link QrMasks#MAX_VERSION} (a payload of over about 230 bytes) is left to ZXing's own choice.
     */
    private QRCode encode(boolean declareUtf8) {
        QRCode maskZero = encode(declareUtf8, 0);
        if (maskZero.getVersion().getVersionNumber() > QrMasks.MAX_VERSION) {
            return encode(declareUtf8, ZXING_CHOOSES);
        }
        return QrMasks.withLowestPenalty(maskZero);
    }

    /** @param mask 0 to 7, or {@link #ZXING_CHOOSES} (ZXing takes no mask outside 0 to 7 from its hint) */
    private QRCode encode(boolean declareUtf8, int mask) {
        try {
            if (declareUtf8) {
                return Encoder.encode(payload.payload(), ErrorCorrectionLevel.M,
                        Map.of(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name(), EncodeHintType.QR_MASK_PATTERN, mask));
            }
            // Each UTF-8 byte as one ISO-8859-1 char: ZXing's default byte-mode charset, so the bytes pass unchanged.
            String bytesAsLatin1 = new String(payload.bytes(), StandardCharsets.ISO_8859_1);
            return Encoder.encode(bytesAsLatin1, ErrorCorrectionLevel.M, Map.of(EncodeHintType.QR_MASK_PATTERN, mask));
        } catch (WriterException e) {
            throw new SepaException(SepaErrorCode.QR_IMAGE_FAILED,
                    "EPC QR image: the QR encoder refused the payload: " + e.getMessage(), e);
        }
    }
}
