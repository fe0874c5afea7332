package io.recoup.sepa.pain002;

import static org.assertj.core.api.Assertions.assertThat;

import io.recoup.sepa.SepaException;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutations of every pain.002 fixture (bytes flipped, cut, duplicated): the reader either returns a report
 * or throws a SepaException, never anything else, and never loops.
 */
class Pain002ReaderFuzzTest {

    @Test
    void answersEveryMutatedFileWithAReportOrASepaException() throws Exception {
        Random random = new Random(424242L);
        Path folder = Path.of(System.getProperty("recoup.fixtures")).resolve("pain008");
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().contains("pain002")
                    || f.getFileName().toString().contains("pain.002")).toList()) {
                byte[] original = Files.readAllBytes(file);
                for (int round = 0; round < 300; round++) {
                    byte[] mutated = mutate(original, random);
                    try {
                        Pain002Report report = new Pain002Reader().read(new ByteArrayInputStream(mutated), file.toString());
                        assertThat(report.problems()).allSatisfy(problem -> assertThat(problem.path()).startsWith("/"));
                    } catch (SepaException expected) {
                        assertThat(expected.code()).isNotNull();
                    }
                }
            }
        }
    }

    static byte[] mutate(byte[] original, Random random) {
        byte[] bytes = original.clone();
        switch (random.nextInt(3)) {
            case 0 -> {
                for (int i = 0; i < 1 + random.nextInt(4); i++) {
                    bytes[random.nextInt(bytes.length)] = (byte) "<>/&;\"x0 \u00e9".charAt(random.nextInt(10));
                }
            }
            case 1 -> bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
            default -> {
                int from = random.nextInt(bytes.length);
                int length = Math.min(bytes.length - from, random.nextInt(200));
                byte[] longer = new byte[bytes.length + length];
                System.arraycopy(bytes, 0, longer, 0, from + length);
                System.arraycopy(bytes, from, longer, from + length, bytes.length - from);
                bytes = longer;
            }
        }
        return bytes;
    }
}
