package io.recoup.sepa.epc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The derived mask choice against ZXing's own, which lays every mask out in full and scores it. */
class QrMasksTest {

    @Test
    void choosesTheMaskAndDrawsTheSymbolZxingDoesForPayloadsOfEveryVersionUpTo11() throws WriterException {
        Random random = new Random(14);
        Set<Integer> versions = new HashSet<>();
        Set<Integer> masks = new HashSet<>();
        for (int i = 0; i < 600; i++) {
            String text = text(random, 1 + random.nextInt(250));
            QRCode zxing = Encoder.encode(text, ErrorCorrectionLevel.M, Map.of());
            if (zxing.getVersion().getVersionNumber() > QrMasks.MAX_VERSION) {
                continue;
            }
            QRCode maskZero = Encoder.encode(text, ErrorCorrectionLevel.M, Map.of(EncodeHintType.QR_MASK_PATTERN, 0));

            assertThat(QrMasks.lowestPenalty(maskZero)).as("%d bytes, version %s", text.length(), zxing.getVersion())
                    .isEqualTo(zxing.getMaskPattern());
            QRCode ours = QrMasks.withLowestPenalty(maskZero);
            assertThat(ours.getMatrix().getArray()).as("%d bytes", text.length()).isDeepEqualTo(zxing.getMatrix().getArray());
            assertThat(ours.toString()).isEqualTo(zxing.toString());
            versions.add(zxing.getVersion().getVersionNumber());
            masks.add(zxing.getMaskPattern());
        }
        assertThat(versions).as("versions covered").containsAll(Set.of(1, 2, 6, 7, 8, 10, 11));
        assertThat(masks).as("masks chosen").hasSize(8);
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 156, 230})
    void derivesEachMaskedSymbolExactlyAsZxingLaysItOut(int length) throws WriterException {
        String text = text(new Random(length), length);
        QRCode maskZero = Encoder.encode(text, ErrorCorrectionLevel.M, Map.of(EncodeHintType.QR_MASK_PATTERN, 0));
        int size = maskZero.getMatrix().getWidth();
        long[] zero = new long[size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                zero[y] |= (long) maskZero.getMatrix().get(x, y) << x;
            }
        }
        for (int mask = 0; mask < 8; mask++) {
            long[] rows = new long[size];
            long[] columns = new long[size];
            QrMasks.derive(zero, toggles(maskZero, mask), QrMasks.formatBits(ErrorCorrectionLevel.M, mask), rows, columns);
            QRCode zxing = Encoder.encode(text, ErrorCorrectionLevel.M, Map.of(EncodeHintType.QR_MASK_PATTERN, mask));

            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    assertThat(rows[y] >>> x & 1).as("mask %d, module %d,%d", mask, x, y).isEqualTo((long) zxing.getMatrix().get(x, y));
                    assertThat(columns[x] >>> y & 1).isEqualTo(rows[y] >>> x & 1);
                }
            }
        }
    }

    private static long[] toggles(QRCode maskZero, int mask) {
        int size = maskZero.getMatrix().getWidth();
        boolean[] function = QrMasks.functionModules(maskZero.getVersion(), size);
        long[] toggles = new long[size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                if (!function[y * size + x] && QrMasks.flips(0, x, y) != QrMasks.flips(mask, x, y)) {
                    toggles[y] |= 1L << x;
                }
            }
        }
        return toggles;
    }

    @Test
    void choosesTheMaskZxingChoosesAtEveryErrorCorrectionLevel() throws WriterException {
        Random random = new Random(7);
        for (ErrorCorrectionLevel level : ErrorCorrectionLevel.values()) {
            for (int i = 0; i < 40; i++) {
                String text = text(random, 1 + random.nextInt(120));
                QRCode zxing = Encoder.encode(text, level, Map.of());
                QRCode maskZero = Encoder.encode(text, level, Map.of(EncodeHintType.QR_MASK_PATTERN, 0));

                assertThat(QrMasks.lowestPenalty(maskZero)).as("level %s, %d bytes", level, text.length())
                        .isEqualTo(zxing.getMaskPattern());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("io.recoup.sepa.epc.EpcQrImageTest#payloads")
    void drawsTheSymbolZxingDrawsForEveryExamplePayload(EpcQrPayload payload) throws WriterException {
        QRCode zxing = Encoder.encode(payload.payload(), ErrorCorrectionLevel.M, Map.of(EncodeHintType.CHARACTER_SET, "UTF-8"));
        if (zxing.getVersion().getVersionNumber() > EpcQrImage.MAX_VERSION) {
            // too long with its UTF-8 declaration: an all-ASCII payload goes without (see EpcQrImage)
            zxing = Encoder.encode(payload.payload(), ErrorCorrectionLevel.M, Map.of());
        }
        QRCode ours = EpcQrImage.of(payload).symbol();

        assertThat(ours.getMaskPattern()).isEqualTo(zxing.getMaskPattern());
        assertThat(ours.getMatrix().getArray()).isDeepEqualTo(zxing.getMatrix().getArray());
    }

    @Test
    void writesTheFormatInformationOfIsoTableC1() {
        // ISO/IEC 18004 annex C, level M (bits 00), masks 0 and 7
        assertThat(QrMasks.formatBits(ErrorCorrectionLevel.M, 0)).isEqualTo(0b101010000010010);
        assertThat(QrMasks.formatBits(ErrorCorrectionLevel.M, 7)).isEqualTo(0b100101010100000);
    }

    private static String text(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) (random.nextBoolean() ? 'A' + random.nextInt(26) : 'a' + random.nextInt(26)));
        }
        return text.toString();
    }
}
