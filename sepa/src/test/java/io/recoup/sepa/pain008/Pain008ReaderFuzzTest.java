package io.recoup.sepa.pain008;

import static org.assertj.core.api.Assertions.assertThat;

import io.recoup.sepa.SepaException;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Seeded mutations of written files: the reader returns a document or throws a SepaException, nothing else. */
class Pain008ReaderFuzzTest {

    @Test
    void answersEveryMutatedFileWithADocumentOrASepaException() {
        Random random = new Random(8008L);
        byte[][] originals = {
                new Pain008Writer(Pain008Options.defaults(), TestCollections.CLOCK).write(TestCollections.mixed()).get(0).xml(),
                new Pain008Writer(Pain008Options.legacy02(), TestCollections.CLOCK).write(TestCollections.mixed()).get(0).xml()};
        for (byte[] original : originals) {
            for (int round = 0; round < 400; round++) {
                byte[] bytes = original.clone();
                if (random.nextBoolean()) {
                    for (int i = 0; i < 1 + random.nextInt(5); i++) {
                        bytes[random.nextInt(bytes.length)] = (byte) "<>/&;\"x0 9.".charAt(random.nextInt(11));
                    }
                } else {
                    bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length));
                }
                try {
                    Pain008Document read = new Pain008Reader().read(new ByteArrayInputStream(bytes), "fuzz");
                    assertThat(read.problems()).allSatisfy(problem -> assertThat(problem.line()).isPositive());
                } catch (SepaException expected) {
                    assertThat(expected.code()).isNotNull();
                }
            }
        }
    }
}
