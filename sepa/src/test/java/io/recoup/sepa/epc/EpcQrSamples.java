package io.recoup.sepa.epc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes {@code sample-N.png} and the expected payload {@code sample-N.txt} (exact UTF-8 bytes, no newline added)
 * for each example into the folder given as the only argument; {@code scripts/check-epc-qr.sh} decodes the PNGs with
 * an independent decoder (zbarimg) and compares.
 */
public final class EpcQrSamples {
    private EpcQrSamples() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: EpcQrSamples <output folder>");
            System.exit(2);
        }
        Path folder = Files.createDirectories(Path.of(args[0]));
        List<EpcQrPayload> payloads = EpcQrExamples.all();
        for (int i = 0; i < payloads.size(); i++) {
            EpcQrPayload payload = payloads.get(i);
            Files.write(folder.resolve("sample-" + (i + 1) + ".png"), EpcQrImage.of(payload).png());
            Files.write(folder.resolve("sample-" + (i + 1) + ".txt"), payload.bytes());
        }
        System.out.println(payloads.size() + " samples written to " + folder);
    }
}
