package io.recoup.sepa.camt;

import static org.assertj.core.api.Assertions.assertThat;

import io.recoup.sepa.SepaException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every vendor file, mutated many times with a seeded random (deleted, duplicated and overwritten byte ranges,
 * truncation): the reader returns a summary or throws SepaException, never anything else. A failure names the
 * file and the seed, so the exact input can be rebuilt with {@link #mutate}.
 */
class CamtReaderFuzzTest {
    private static final int MUTATIONS_PER_FILE = 300;
    private static final byte[] INTERESTING = "<>/&;\"'=!?[]-.:0123456789ABCDEFZ xyz\n\t#"
            .getBytes(StandardCharsets.US_ASCII);

    static Stream<Path> everyFixture() {
        return CamtFixtures.all().stream();
    }

    @ParameterizedTest
    @MethodSource("everyFixture")
    void survivesSeededMutationsOfEveryFixture(Path file) {
        byte[] original = CamtFixtures.bytes(file);
        long fileSeed = file.getFileName().toString().hashCode();
        for (int i = 0; i < MUTATIONS_PER_FILE; i++) {
            long seed = fileSeed * 31 + i;
            byte[] mutated = mutate(original, new Random(seed));

            Throwable thrown = readCatching(mutated);

            assertThat(thrown).as("%s seed %d", file.getFileName(), seed)
                    .satisfiesAnyOf(t -> assertThat(t).isNull(), t -> assertThat(t).isInstanceOf(SepaException.class));
        }
    }

    private static Throwable readCatching(byte[] bytes) {
        try {
            CamtDocument document = new CamtReader().readAll(new ByteArrayInputStream(bytes), "fuzz");
            assertThat(document.summary().entries()).isEqualTo(document.entries().size());
            assertThat(document.problems()).allSatisfy(problem -> {
                assertThat(problem.path()).startsWith("/");
                assertThat(problem.line()).isGreaterThanOrEqualTo(-1);
            });
            return null;
        } catch (RuntimeException | StackOverflowError e) {
            return e;
        }
    }

    /** One to three mutations of a copy of {@code original}, all decided by {@code random}. */
    static byte[] mutate(byte[] original, Random random) {
        byte[] bytes = original;
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count && bytes.length > 0; i++) {
            bytes = switch (random.nextInt(5)) {
                case 0 -> deleteRange(bytes, random);
                case 1 -> duplicateRange(bytes, random);
                case 2 -> overwriteBytes(bytes, random);
                case 3 -> truncate(bytes, random);
                default -> insertInteresting(bytes, random);
            };
        }
        return bytes;
    }

    private static byte[] deleteRange(byte[] bytes, Random random) {
        int start = random.nextInt(bytes.length);
        int length = Math.min(bytes.length - start, 1 + random.nextInt(random.nextBoolean() ? 8 : 400));
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
        out.write(bytes, 0, start);
        out.write(bytes, start + length, bytes.length - start - length);
        return out.toByteArray();
    }

    private static byte[] duplicateRange(byte[] bytes, Random random) {
        int start = random.nextInt(bytes.length);
        int length = Math.min(bytes.length - start, 1 + random.nextInt(600));
        int at = random.nextInt(bytes.length + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + length);
        out.write(bytes, 0, at);
        out.write(bytes, start, length);
        out.write(bytes, at, bytes.length - at);
        return out.toByteArray();
    }

    private static byte[] overwriteBytes(byte[] bytes, Random random) {
        byte[] copy = bytes.clone();
        int flips = 1 + random.nextInt(6);
        for (int i = 0; i < flips; i++) {
            int at = random.nextInt(copy.length);
            copy[at] = random.nextInt(4) == 0 ? (byte) random.nextInt(256) : INTERESTING[random.nextInt(INTERESTING.length)];
        }
        return copy;
    }

    private static byte[] truncate(byte[] bytes, Random random) {
        return java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
    }

    private static byte[] insertInteresting(byte[] bytes, Random random) {
        String[] snippets = {"<Ntry>", "</Ntry>", "<Amt Ccy=\"EUR\">1e5</Amt>", "<CdtDbtInd>DBIT</CdtDbtInd>",
            "<!DOCTYPE x>", "&amp;", "&x;", "<![CDATA[9.99]]>", "<?pi x?>", "<!-- c -->", "<BookgDt><Dt>9999-99-99</Dt>",
            "<ElctrncSeqNb>99999999999999999999</ElctrncSeqNb>", "<TxDtls>", "</Stmt>", "<Bal>"};
        byte[] snippet = snippets[random.nextInt(snippets.length)].getBytes(StandardCharsets.UTF_8);
        int at = random.nextInt(bytes.length + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + snippet.length);
        out.write(bytes, 0, at);
        out.write(snippet, 0, snippet.length);
        out.write(bytes, at, bytes.length - at);
        return out.toByteArray();
    }
}
