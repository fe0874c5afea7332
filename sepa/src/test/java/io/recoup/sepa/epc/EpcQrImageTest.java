package io.recoup.sepa.epc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every PNG is decoded by ZXing's own QR reader from the PNG bytes, not from the encoder's matrix. */
class EpcQrImageTest {

    static java.util.List<EpcQrPayload> payloads() {
        return EpcQrExamples.all();
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void decodesBackToTheExactPayloadAtLevelM(EpcQrPayload payload) throws Exception {
        Result result = decode(EpcQrImage.of(payload).png());

        assertThat(result.getText()).isEqualTo(EpcQrExamples.utf8(payload));
        assertThat(result.getResultMetadata().get(ResultMetadataType.ERROR_CORRECTION_LEVEL)).isEqualTo("M");
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void decodesTheScreenImageOfFourPixelsPerModuleBackToTheExactPayload(EpcQrPayload payload) throws Exception {
        EpcQrImage screen = EpcQrImage.forScreen(payload);
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(screen.png()));

        assertThat(decode(screen.png(), "Shift_JIS").getText()).isEqualTo(EpcQrExamples.utf8(payload));
        assertThat(png.getWidth()).isEqualTo((screen.symbol().getMatrix().getWidth() + 2 * EpcQrImage.QUIET_ZONE_MODULES) * 4);
        // every pixel row read back as drawn, those written as "the same as above" (filter Up) included
        BufferedImage drawn = screen.image();
        assertThat(png.getRGB(0, 0, png.getWidth(), png.getHeight(), null, 0, png.getWidth()))
                .isEqualTo(drawn.getRGB(0, 0, drawn.getWidth(), drawn.getHeight(), null, 0, drawn.getWidth()));
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void staysAtVersion13OrBelow(EpcQrPayload payload) {
        assertThat(EpcQrImage.of(payload).symbol().getVersion().getVersionNumber()).isBetween(1, 13);
        assertThat(EpcQrImage.of(payload).symbol().getECLevel().name()).isEqualTo("M");
    }

    @Test
    void fitsTheLargestPayloadIntoVersion13() {
        assertThat(EpcQrImage.of(EpcQrExamples.largest()).symbol().getVersion().getVersionNumber()).isEqualTo(13);
    }

    @Test
    void fitsTheLargestPayloadOutsideAsciiIntoVersion13WithItsUtf8Declaration() throws Exception {
        EpcQrPayload payload = EpcQrExamples.largestOutsideAscii();

        assertThat(payload.bytes()).hasSize(330);
        assertThat(EpcQrImage.of(payload).symbol().getVersion().getVersionNumber()).isEqualTo(13);
        assertThat(decode(EpcQrImage.of(payload).png(), "Shift_JIS").getText()).isEqualTo(EpcQrExamples.utf8(payload));
    }

    /**
     * A decoder reads byte-mode data in the character set the symbol declares (ECI) and guesses without one: zbar
     * took the Ä of a 331-byte payload written without ECI for Shift-JIS. Decoding with Shift-JIS as the default
     * shows whether the symbol declares UTF-8: every payload outside ASCII is either refused or declares it.
     */
    @ParameterizedTest
    @ValueSource(ints = {300, 329, 330, 331})
    void declaresUtf8InEverySymbolOutsideAsciiSoNoDecoderHasToGuess(int size) throws Exception {
        Throwable refused = catchThrowable(() -> EpcQrExamples.outsideAscii(size));
        if (refused != null) {
            assertThat(refused).hasMessageContaining("at most 330 fit a version 13 symbol at level M together with the"
                    + " UTF-8 declaration");
            assertThat(size).isGreaterThan(EpcQrPayload.MAX_BYTES_NON_ASCII);
            return;
        }
        EpcQrPayload payload = EpcQrExamples.outsideAscii(size);

        Result result = decode(EpcQrImage.of(payload).png(), "Shift_JIS");

        assertThat(result.getText()).isEqualTo(EpcQrExamples.utf8(payload)).contains("ÄNNN");
    }

    @Test
    void drawsAQuietZoneOfFourWhiteModulesAroundTheSymbol() throws IOException {
        EpcQrImage image = new EpcQrImage(EpcQrExamples.musterGmbh(), 3);
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(image.png()));
        int modules = image.symbol().getMatrix().getWidth();

        assertThat(png.getWidth()).isEqualTo((modules + 8) * 3).isEqualTo(png.getHeight());
        for (int i = 0; i < 4 * 3; i++) {
            for (int j = 0; j < png.getWidth(); j++) {
                assertThat(png.getRGB(i, j) & 0xFFFFFF).isEqualTo(0xFFFFFF);
                assertThat(png.getRGB(j, i) & 0xFFFFFF).isEqualTo(0xFFFFFF);
            }
        }
        assertThat(png.getRGB(4 * 3, 4 * 3) & 0xFFFFFF).as("finder pattern corner").isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 8})
    void paintsEveryPixelAsItsModuleWhateverThePixelsPerModule(int pixelsPerModule) throws IOException {
        EpcQrImage image = new EpcQrImage(EpcQrExamples.musterGmbh(), pixelsPerModule);
        com.google.zxing.qrcode.encoder.ByteMatrix matrix = image.symbol().getMatrix();
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(image.png()));

        for (int y = 0; y < png.getHeight(); y++) {
            for (int x = 0; x < png.getWidth(); x++) {
                int mx = x / pixelsPerModule - 4;
                int my = y / pixelsPerModule - 4;
                boolean dark = mx >= 0 && my >= 0 && mx < matrix.getWidth() && my < matrix.getHeight() && matrix.get(mx, my) == 1;
                assertThat(png.getRGB(x, y) & 0xFFFFFF).as("pixel %d,%d", x, y).isEqualTo(dark ? 0 : 0xFFFFFF);
            }
        }
    }

    static Result decode(byte[] png) throws IOException, NotFoundException, ChecksumException, FormatException {
        return decode(png, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
    }

    /** {@code assumedCharset}: what the reader takes byte-mode data for when the symbol declares no ECI. */
    static Result decode(byte[] png, String assumedCharset)
            throws IOException, NotFoundException, ChecksumException, FormatException {
        return decode(png, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE, DecodeHintType.CHARACTER_SET, assumedCharset));
    }

    private static Result decode(byte[] png, Map<DecodeHintType, Object> hints)
            throws IOException, NotFoundException, ChecksumException, FormatException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        return new QRCodeReader().decode(bitmap, hints);
    }
}
