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
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Renders an {@link EpcQrPayload} as a black-on-white PNG with ZXing's QR encoder. EPC069-12 §2 fixes the symbol:
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

    /**
     * The symbol as a 1-bit image (palette index 0 black, 1 white). The pixels are written straight into the packed
     * raster, one module row at a time and copied down its pixel rows: per-pixel {@code setRGB} looks every pixel up
     * in the palette and made the image the dearest part of an e-mail reminder.
     */
    public BufferedImage image() {
        ByteMatrix matrix = symbol().getMatrix();
        int modules = matrix.getWidth() + 2 * QUIET_ZONE_MODULES;
        int size = modules * pixelsPerModule;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
        byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        int stride = (size + 7) / 8;
        byte[] row = new byte[stride];
        for (int moduleY = 0; moduleY < modules; moduleY++) {
            java.util.Arrays.fill(row, (byte) 0xFF);
            for (int x = 0; x < size; x++) {
                if (isDark(matrix, x / pixelsPerModule - QUIET_ZONE_MODULES, moduleY - QUIET_ZONE_MODULES)) {
                    row[x >> 3] &= (byte) ~(0x80 >>> (x & 7));
                }
            }
            for (int k = 0; k < pixelsPerModule; k++) {
                System.arraycopy(row, 0, pixels, (moduleY * pixelsPerModule + k) * stride, stride);
            }
        }
        return image;
    }

    public byte[] png() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try {
            if (!ImageIO.write(image(), "png", out)) {
                throw new SepaException(SepaErrorCode.QR_IMAGE_FAILED, "EPC QR image: this JVM has no PNG writer");
            }
        } catch (IOException e) {
            // A ByteArrayOutputStream does not fail; an IOException here is an ImageIO defect, not bad input.
            throw new SepaException(SepaErrorCode.QR_IMAGE_FAILED, "EPC QR image: writing the PNG failed", e);
        }
        return out.toByteArray();
    }

    private static boolean isDark(ByteMatrix matrix, int x, int y) {
        return x >= 0 && y >= 0 && x < matrix.getWidth() && y < matrix.getHeight() && matrix.get(x, y) == 1;
    }

    private QRCode encode(boolean declareUtf8) {
        try {
            if (declareUtf8) {
                return Encoder.encode(payload.payload(), ErrorCorrectionLevel.M,
                        Map.of(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name()));
            }
            // Each UTF-8 byte as one ISO-8859-1 char: ZXing's default byte-mode charset, so the bytes pass unchanged.
            String bytesAsLatin1 = new String(payload.bytes(), StandardCharsets.ISO_8859_1);
            return Encoder.encode(bytesAsLatin1, ErrorCorrectionLevel.M, Map.of());
        } catch (WriterException e) {
            throw new SepaException(SepaErrorCode.QR_IMAGE_FAILED,
                    "EPC QR image: the QR encoder refused the payload: " + e.getMessage(), e);
        }
    }
}
