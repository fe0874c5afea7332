package io.recoup.sepa.camt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every vendor file in the shared fixtures reads without a single problem, with the counts we checked by hand. */
class CamtFixturesTest {

    static Stream<Path> everyFixture() {
        return CamtFixtures.all().stream();
    }

    @ParameterizedTest
    @MethodSource("everyFixture")
    void readsEveryVendorFileWithoutProblems(Path file) {
        CamtDocument document = CamtFixtures.readAll(file);

        assertThat(document.problems()).isEmpty();
        assertThat(document.statements()).isNotEmpty();
    }

    @Test
    void countsBelowCoverEveryFileOfTheFixtureFolder() {
        assertThat(CamtFixtures.all()).as("a new camt fixture needs a row in the table below").hasSize(23);
    }

    /** Counts taken with grep and an independent python3 ElementTree walk over the same files. */
    @ParameterizedTest
    @CsvSource({
            "camtparser-053-de-volksbank-sdd.xml, camt.053, 001.02, 1, 4, 5",
            "camtparser-053-nl-ing-batch.xml, camt.053, 001.02, 1, 3, 2",
            "camtparser-053-v4-postfinance-returns-rvsl.xml, camt.053, 001.04, 1, 13, 32",
            "camtparser-054-v4-postfinance-returns.xml, camt.054, 001.04, 1, 4, 5",
            "genkgo-camt053.v2.minimal.xml, camt.053, 001.02, 1, 1, 1",
            "genkgo-camt053.v2.multi.statement.xml, camt.053, 001.02, 2, 2, 2",
            "genkgo-camt053.v4.xml, camt.053, 001.04, 1, 1, 1",
            "genkgo-camt053.v8.xml, camt.053, 001.08, 1, 1, 1",
            "genkgo-camt054.v2.xml, camt.054, 001.02, 1, 1, 3",
            "genkgo-camt054.v8.xml, camt.054, 001.08, 1, 1, 3",
            "hbci4java-camt052-ruecklastschrift-sdd-return.xml, camt.052, 001.02, 1, 1, 1",
            "moov-FI_camt_053_sample.xml, camt.053, 001.02, 1, 10, 12",
            "moov-FI_camt_054_sample.xml, camt.054, 001.02, 1, 6, 13",
            "moov-postfinance-camt.053.001.04.xml, camt.053, 001.04, 1, 5, 5",
            "moov-postfinance-camt054-chdd-directdebit.xml, camt.054, 001.04, 1, 1, 2",
            "moov-postfinance-camt054-returns-rvsl.xml, camt.054, 001.04, 1, 1, 1",
            "moov-postfinance-camt054-returns.xml, camt.054, 001.04, 1, 1, 1",
            "prowide-camt.053.001.07.xml, camt.053, 001.07, 1, 0, 0",
            "subite-LT625883379695428516-camt053-2024-03-07.xml, camt.053, 001.08, 2, 3, 3",
            "subite-LT625883379695428516-camt053-2024-03-08.xml, camt.053, 001.08, 2, 4, 4",
            "subite-LT625883379695428516-camt053-2024-03-11.xml, camt.053, 001.08, 2, 8, 8",
            "subite-other-BE68793230773034-202411.xml, camt.053, 001.02, 1, 268, 268",
            "subite-other-account_statement.xml, camt.053, 001.02, 1, 3, 3"})
    void findsTheStatementsEntriesAndTransactionDetailsOfEachFile(String file, String messageType, String version,
            int statements, int entries, int transactionDetails) {
        CamtDocument document = CamtFixtures.readAll(file);

        assertThat(document.summary().statements()).isEqualTo(statements);
        assertThat(document.summary().entries()).isEqualTo(entries);
        assertThat(document.summary().transactionDetails()).isEqualTo(transactionDetails);
        assertThat(document.statements()).hasSize(statements)
                .allSatisfy(statement -> {
                    assertThat(statement.messageType()).isEqualTo(messageType);
                    assertThat(statement.version()).isEqualTo(version);
                });
        assertThat(document.entries()).hasSize(entries);
    }

    @ParameterizedTest
    @MethodSource("everyFixture")
    void streamsTheSameEntriesItReadsIntoMemory(Path file) throws IOException {
        List<CamtEntry> streamed = new ArrayList<>();
        List<CamtStatement> headers = new ArrayList<>();
        CamtSummary summary;
        try (InputStream in = Files.newInputStream(file)) {
            summary = new CamtReader().read(in, file.toString(), new CamtHandler() {
                @Override
                public void onStatement(CamtStatement header) {
                    headers.add(header);
                }

                @Override
                public void onEntry(CamtStatement statement, CamtEntry entry) {
                    assertThat(statement).isSameAs(headers.get(headers.size() - 1));
                    assertThat(statement.entries()).isEmpty();
                    streamed.add(entry);
                }
            });
        }

        CamtDocument document = CamtFixtures.readAll(file);
        assertThat(streamed).containsExactlyElementsOf(document.entries());
        assertThat(summary.statements()).isEqualTo(headers.size()).isEqualTo(document.statements().size());
    }

    static Stream<Arguments> entriesOfEveryFixture() {
        return everyFixture().flatMap(file -> CamtFixtures.readAll(file).statements().stream()
                .map(statement -> Arguments.of(file.getFileName().toString(), statement)));
    }

    @ParameterizedTest
    @MethodSource("entriesOfEveryFixture")
    void numbersEntriesFromOneWithinEachStatement(String file, CamtStatement statement) {
        for (int i = 0; i < statement.entries().size(); i++) {
            assertThat(statement.entries().get(i).index()).as(file).isEqualTo(i + 1);
            assertThat(statement.entries().get(i).line()).as(file).isPositive();
        }
    }
}
