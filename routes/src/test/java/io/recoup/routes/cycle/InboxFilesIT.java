package io.recoup.routes.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.recoup.routes.ingest.IngestReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every ledger and statement file dropped into an inbox ends accounted for: loaded with every row counted (loaded +
 * rejected = read, in the log and the {@code .rejected} report), or not loaded at all and moved to {@code .failed}
 * with a {@code .reason} beside it.
 */
class InboxFilesIT {
    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    static final LocalDate DAY = CollectionCycleIT.DAY;
    static final String HEADER = CollectionCycleIT.HEADER;

    @TempDir
    Path home;
    CycleFixture recoup;

    @BeforeEach
    void start() {
        recoup = new CycleFixture(home, DAY, mail.getSmtp().getPort());
    }

    @AfterEach
    void stop() {
        recoup.close();
    }

    static String row(int id, String name, String amount) {
        return id + ",INV-" + id + ",C1," + name + ",ap@acme.example,en,2026-02-01,2026-03-20,EUR," + amount + ",\n";
    }

    @Test
    void aBrokenQuoteCostsItsOwnRowAndTheRowsAfterItAreLoaded() throws Exception {
        recoup.drop("ledger/inbox", "ledger.csv", HEADER + row(1, "Acme", "10.00") + row(2, "\"Acme", "20.00")
                + row(3, "\"Acme, Ltd\"", "30.00") + row(4, "Acme", "40.00"));
        DayReport day = recoup.runDay(DAY);

        assertThat(day.failedFiles()).isEmpty();
        assertThat(day.ingests()).singleElement().satisfies(i -> {
            assertThat(i.rowsRead()).isEqualTo(4);
            assertThat(i.inserted()).isEqualTo(3);
            assertThat(i.rejectedRows()).isEqualTo(1);
        });
        assertThat(recoup.jdbc.queryForList("select external_id from open_item order by external_id", String.class))
                .containsExactly("1", "3", "4");
        assertThat(recoup.jdbc.queryForList("select line, field, raw from quarantine"))
                .extracting(r -> r.get("line") + " " + r.get("field") + " " + r.get("raw"))
                .containsExactly("3 null " + row(2, "\"Acme", "20.00").strip());
        assertThat(Files.readAllLines(recoup.folder("ledger/rejected/ledger.csv.rejected"))).first().asString()
                .isEqualTo("# ledger.csv: 4 rows read, 3 loaded (3 new, 0 changed, 0 unchanged), 1 rejected;"
                        + " the rejected rows are listed below, the rest of the file was loaded");
        assertThat(inFolder("ledger/inbox/.done")).singleElement().asString().endsWith("-ledger.csv");
    }

    @Test
    void aRecordTheDatabaseRefusesIsRejectedWithItsLineAndTheRestIsLoaded() throws Exception {
        recoup.drop("ledger/inbox", "ledger.csv", HEADER + row(1, "Acme", "10.00") + row(2, "Acme", "99999999999999999.00")
                + row(3, "Acme", "30.00"));
        DayReport day = recoup.runDay(DAY);

        assertThat(day.failedFiles()).isEmpty();
        assertThat(day.ingests()).singleElement().satisfies(i -> {
            assertThat(i.loaded()).isEqualTo(2);
            assertThat(i.rejections()).singleElement().satisfies(r -> {
                assertThat(r.line()).isEqualTo(3);
                assertThat(r.reason()).startsWith("the database refused the record: numeric field overflow");
            });
        });
        assertThat(recoup.jdbc.queryForList("select external_id from open_item order by external_id", String.class))
                .containsExactly("1", "3");
        assertThat(recoup.jdbc.queryForList("select line from quarantine", Long.class)).containsExactly(3L);
        assertThat(Files.readString(recoup.folder("ledger/rejected/ledger.csv.rejected")))
                .contains("3 rows read, 2 loaded").contains("ledger.csv line 3: the database refused the record");
    }

    @Test
    void aFileThatCannotBeFullyAccountedForIsRolledBackAndMovedToFailedWithTheReason() throws Exception {
        Files.createDirectories(recoup.folder("ledger"));
        Files.writeString(recoup.folder("ledger/rejected"), "a file where the report folder should be");
        recoup.drop("ledger/inbox", "ledger.csv", HEADER + row(1, "Acme", "10.00") + row(2, "Acme", "ten"));
        DayReport day = recoup.runDay(DAY);

        assertThat(day.ingests()).isEmpty();
        assertThat(day.failedFiles()).singleElement().asString().startsWith("ledger.csv: cannot write the rejected report");
        assertThat(recoup.jdbc.queryForObject("select count(*) from open_item", Integer.class)).isZero();
        assertThat(recoup.jdbc.queryForObject("select count(*) from quarantine", Integer.class)).isZero();
        assertFailedWithReason("ledger/inbox", "ledger.csv", "cannot write the rejected report for ledger.csv");
    }

    @Test
    void aFileRefusedAsAWholeGoesToFailedWithTheReasonAndIsQuarantined() throws Exception {
        recoup.drop("ledger/inbox", "a-missing.csv", "invoice_id,invoice_number\n1,INV-1\n");
        recoup.drop("ledger/inbox", "b-twice.csv", HEADER.strip() + ",amount\n");
        recoup.drop("ledger/inbox", "c-empty.csv", "");
        DayReport day = recoup.runDay(DAY);

        assertThat(day.ingests()).isEmpty();
        assertThat(day.failedFiles()).containsExactlyInAnyOrder(
                "a-missing.csv: a-missing.csv line 1: required columns 'customer_id', 'customer_name', 'issue_date',"
                        + " 'due_date', 'currency', 'amount' are missing from the header",
                "b-twice.csv: b-twice.csv line 1: column 'amount' appears twice in the header (columns 10 and 12);"
                        + " which one holds the value cannot be known",
                "c-empty.csv: c-empty.csv: empty file: there is not even a header row");
        assertFailedWithReason("ledger/inbox", "c-empty.csv", "empty file");
        assertThat(inFolder("ledger/inbox/.done")).isEmpty();
        assertThat(recoup.jdbc.queryForList("select origin || ': ' || reason from quarantine order by id", String.class))
                .hasSize(3).allMatch(r -> r.contains(": the whole file was refused: "));
    }

    @Test
    void readsAnExcelCsvUtf8FileWithItsByteOrderMarkAndASemicolonFileWithDecimalCommas() {
        recoup.drop("ledger/inbox", "a-excel.csv", "\uFEFF" + HEADER + row(1, "Acme", "10.00"));
        recoup.drop("ledger/inbox", "b-european.csv", HEADER.replace(',', ';')
                + "2;INV-2;C2;\"Müller; GmbH\";ap@mueller.example;de;2026-02-01;2026-03-20;EUR;1190,50;\n");
        DayReport day = recoup.runDay(DAY);

        assertThat(day.failedFiles()).isEmpty();
        assertThat(day.ingests()).extracting(IngestReport::inserted).containsExactly(1, 1);
        assertThat(recoup.jdbc.queryForList("select external_id || ' ' || original_amount from open_item order by 1", String.class))
                .containsExactly("1 10.0000", "2 1190.5000");
    }

    @Test
    void aColumnRecoupDoesNotKnowIsIgnoredWithAWarningInTheReport() throws Exception {
        recoup.drop("ledger/inbox", "ledger.csv", HEADER.strip() + ",cost_centre\n" + row(1, "Acme", "10.00").strip() + ",CC-7\n");
        DayReport day = recoup.runDay(DAY);

        assertThat(day.ingests()).singleElement().satisfies(i -> {
            assertThat(i.inserted()).isEqualTo(1);
            assertThat(i.warnings()).containsExactly("column 'cost_centre' is not a Recoup column; its values were ignored");
        });
        assertThat(Files.readAllLines(recoup.folder("ledger/rejected/ledger.csv.rejected"))).containsExactly(
                "# ledger.csv: 1 rows read, 1 loaded (1 new, 0 changed, 0 unchanged), 0 rejected",
                "# warning: column 'cost_centre' is not a Recoup column; its values were ignored");

        recoup.drop("ledger/inbox", "ledger.csv", HEADER + row(1, "Acme", "10.00"));
        recoup.runDay(DAY);
        assertThat(recoup.folder("ledger/rejected/ledger.csv.rejected")).doesNotExist();
    }

    @Test
    void theWatcherTakesAnEmptyFileAndMovesItToFailedWithTheReason() throws Exception {
        Files.createDirectories(recoup.folder("ledger/inbox"));
        Files.createFile(recoup.folder("ledger/inbox/empty.csv"));
        recoup.camel.getRouteController().startRoute("csv.watch-ledger-inbox");

        eventually(() -> inFolder("ledger/inbox/.failed").size() == 2);
        assertThat(recoup.folder("ledger/inbox/empty.csv")).doesNotExist();
        assertFailedWithReason("ledger/inbox", "empty.csv", "empty file");
    }

    @Test
    void aTruncatedStatementIsNotImportedAtAllAndGoesToFailedWithTheReason() throws Exception {
        String whole = Camt.statement("S1", Camt.credit("ASR-1", "10.00", null, "one"), Camt.credit("ASR-2", "20.00", null, "two"),
                Camt.credit("ASR-3", "30.00", null, "three"));
        recoup.drop("statements/inbox", "cut.xml", whole.substring(0, whole.indexOf("ASR-3")));
        DayReport day = recoup.runDay(DAY);

        assertThat(day.imports()).isEmpty();
        assertThat(day.failedFiles()).singleElement().asString()
                .contains("the statement cannot be read to its end, so none of it was imported");
        assertThat(recoup.jdbc.queryForObject("select count(*) from receipt", Integer.class)).isZero();
        assertFailedWithReason("statements/inbox", "cut.xml", "cannot be read to its end");

        recoup.drop("statements/inbox", "whole.xml", whole);
        assertThat(recoup.runDay(DAY).imports()).singleElement().satisfies(i -> {
            assertThat(i.entries()).isEqualTo(3);
            assertThat(i.newReceipts()).isEqualTo(3);
        });
    }

    @Test
    void anEmptyStatementGoesToFailedAsAnEmptyFile() throws Exception {
        recoup.drop("statements/inbox", "empty.xml", "");
        DayReport day = recoup.runDay(DAY);

        assertThat(day.failedFiles()).containsExactly("empty.xml: empty.xml: empty file");
        assertFailedWithReason("statements/inbox", "empty.xml", "empty file");
    }

    private void assertFailedWithReason(String inbox, String name, String reason) throws IOException {
        List<String> failed = inFolder(inbox + "/.failed");
        String moved = failed.stream().filter(f -> f.endsWith("-" + name)).findFirst().orElseThrow(
                () -> new AssertionError(name + " is not in " + inbox + "/.failed: " + failed));
        assertThat(failed).contains(moved + ".reason");
        assertThat(Files.readString(recoup.folder(inbox + "/.failed/" + moved + ".reason"), StandardCharsets.UTF_8)).contains(reason);
    }

    private List<String> inFolder(String folder) {
        Path path = recoup.folder(folder);
        if (!Files.isDirectory(path)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(path)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the watcher, which takes a file only once it has stopped changing for a second. */
    private static void eventually(BooleanSupplier condition) throws InterruptedException {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(giveUp)) {
                throw new AssertionError("the watcher did not take the file within a minute");
            }
            Thread.sleep(100);
        }
    }
}
