package io.recoup.sepa.camt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.recoup.sepa.SepaErrorCode;
import io.recoup.sepa.SepaException;
import io.recoup.sepa.xml.XmlProblem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Our own broken files: every problem is reported with line and path, and reading goes on where it can. */
class CamtProblemsTest {
    private static final String STMT = "/Document/BkToCstmrStmt/Stmt[1]";

    @Test
    void recordsEveryBrokenFieldWithLineAndPathAndKeepsReading() {
        CamtDocument document = read("camt053/bad-fields/statement.xml");

        assertThat(document.problems()).extracting(XmlProblem::line, XmlProblem::path).containsExactly(
                tuple(32, STMT + "/Ntry[2]/Amt"),
                tuple(31, STMT + "/Ntry[2]"),
                tuple(36, STMT + "/Ntry[3]"),
                tuple(44, STMT + "/Ntry[4]/BookgDt/Dt"),
                tuple(50, STMT + "/Ntry[5]/RvslInd"),
                tuple(55, STMT + "/Ntry[5]/NtryDtls[1]/TxDtls[1]/Amt"),
                tuple(59, STMT + "/Ntry[6]"),
                tuple(64, STMT + "/Ntry[7]/Amt"),
                tuple(65, STMT + "/Ntry[7]/CdtDbtInd"),
                tuple(63, STMT + "/Ntry[7]"));
        assertThat(document.problems()).extracting(XmlProblem::message).containsExactly(
                "\"12,50\" is not a decimal amount (digits, optional '.' and decimals)",
                "entry skipped because its amount or direction is unreadable",
                "entry has no CdtDbtInd; entry skipped",
                "\"2026-02-30\" is not a date (YYYY-MM-DD)",
                "\"maybe\" is not a boolean (true or false)",
                "\"4.0O\" is not a decimal amount (digits, optional '.' and decimals)",
                "entry has no Amt; entry skipped",
                "the Ccy attribute is missing",
                "\"CREDIT\" is neither CRDT nor DBIT",
                "entry skipped because its amount or direction is unreadable");
        assertThat(document.problems()).allSatisfy(problem -> assertThat(problem.origin()).isEqualTo("bad-fields"));
    }

    @Test
    void skipsEntriesWithoutAmountOrDirectionAndKeepsOthersWithTheBadFieldEmpty() {
        CamtDocument document = read("camt053/bad-fields/statement.xml");

        assertThat(document.entries()).extracting(CamtEntry::index).containsExactly(1, 4, 5, 8);
        CamtEntry badDate = document.entries().get(1);
        assertThat(badDate.bookingDate()).isNull();
        assertThat(badDate.valueDate()).isEqualTo("2026-01-14");
        CamtEntry badReversalAndTxAmount = document.entries().get(2);
        assertThat(badReversalAndTxAmount.reversal()).isFalse();
        assertThat(badReversalAndTxAmount.transactions()).singleElement().satisfies(transaction -> {
            assertThat(transaction.endToEndId()).isEqualTo("E2E-5");
            assertThat(transaction.amount()).isNull();
            assertThat(transaction.currency()).isNull();
        });
        assertThat(document.summary().entries()).isEqualTo(4);
        assertThat(document.statements().get(0).balances()).singleElement()
                .satisfies(balance -> assertThat(balance.amount()).isEqualByComparingTo("100.00"));
    }

    @Test
    void stopsAtXmlThatIsNotWellFormedAfterDeliveringTheEntriesBeforeIt() {
        List<CamtEntry> delivered = new ArrayList<>();
        CamtSummary summary = new CamtReader().read(stream(resource("camt053/not-well-formed/statement.xml")),
                "cut.xml", (statement, entry) -> delivered.add(entry));

        assertThat(delivered).extracting(CamtEntry::amount)
                .containsExactly(new BigDecimal("10.00"), new BigDecimal("20.00"));
        assertThat(summary.statements()).isEqualTo(1);
        assertThat(summary.readToEnd()).isFalse();
        assertThat(summary.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.origin()).isEqualTo("cut.xml");
            assertThat(problem.line()).isEqualTo(25);
            assertThat(problem.path()).isEqualTo(STMT + "/Ntry[3]/CdtDbtInd");
            assertThat(problem.message()).startsWith("not well-formed XML, reading stopped: ").contains("CdtDbtInd");
        });
    }

    @Test
    void passesProblemsToTheHandlerAsTheyAreFound() {
        List<XmlProblem> seen = new ArrayList<>();
        CamtSummary summary = new CamtReader().read(stream(resource("camt053/bad-fields/statement.xml")), "bad",
                new CamtHandler() {
                    @Override
                    public void onEntry(CamtStatement statement, CamtEntry entry) {
                    }

                    @Override
                    public void onProblem(XmlProblem problem) {
                        seen.add(problem);
                    }
                });

        assertThat(seen).isEqualTo(summary.problems()).hasSize(10);
        assertThat(summary.readToEnd()).isTrue();
    }

    @Test
    void ignoresElementsOfOtherNamespacesInsideTheMessage() {
        CamtDocument document = read("camt053/foreign-namespace/statement.xml");

        assertThat(document.problems()).isEmpty();
        assertThat(document.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.amount()).isEqualByComparingTo("12.34");
            assertThat(entry.transactions()).singleElement()
                    .satisfies(transaction -> assertThat(transaction.endToEndId()).isEqualTo("E2E-FOREIGN"));
        });
        assertThat(document.statements().get(0).accountId()).isEqualTo("ACCOUNT-42");
    }

    @ParameterizedTest
    @ValueSource(strings = {"02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13"})
    void readsEveryVersionFromTwoToThirteenAlike(String version) {
        CamtDocument document = readText(resource("camt053/minimal/statement.xml").replace("VERSION", version));

        assertThat(document.problems()).isEmpty();
        assertThat(document.statements()).singleElement().satisfies(statement -> {
            assertThat(statement.messageType()).isEqualTo("camt.053");
            assertThat(statement.version()).isEqualTo("001." + version);
            assertThat(statement.messageId()).isEqualTo("RECOUP-MINIMAL");
        });
        assertThat(document.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.bookingDate()).isEqualTo("2026-01-14");
            assertThat(entry.transactions().get(0).creditorReference()).isEqualTo("RF98INV2026000123");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"01", "14"})
    void refusesVersionsOutsideTwoToThirteen(String version) {
        String text = resource("camt053/minimal/statement.xml").replace("VERSION", version);

        assertThatThrownBy(() -> readText(text))
                .isInstanceOfSatisfying(SepaException.class,
                        e -> assertThat(e.code()).isEqualTo(SepaErrorCode.UNSUPPORTED_MESSAGE))
                .hasMessageContaining("camt.053.001." + version);
    }

    @Test
    void refusesADirectDebitInitiationAsUnsupportedMessage() throws IOException {
        Path pain008 = Path.of(System.getProperty("recoup.fixtures"), "pain008", "php-sepa-xml-pain.008.001.02.xml");

        try (InputStream in = Files.newInputStream(pain008)) {
            assertThatThrownBy(() -> new CamtReader().readAll(in, "pain.008"))
                    .isInstanceOfSatisfying(SepaException.class,
                            e -> assertThat(e.code()).isEqualTo(SepaErrorCode.UNSUPPORTED_MESSAGE))
                    .hasMessageContaining("pain.008.001.02");
        }
    }

    @Test
    void refusesARootThatIsNeitherADocumentNorAnEnvelope() {
        assertThatThrownBy(() -> readText("<html><body>statement</body></html>"))
                .isInstanceOfSatisfying(SepaException.class,
                        e -> assertThat(e.code()).isEqualTo(SepaErrorCode.UNSUPPORTED_MESSAGE))
                .hasMessageContaining("<body>");
        assertThatThrownBy(() -> readText("<message/>"))
                .isInstanceOfSatisfying(SepaException.class,
                        e -> assertThat(e.code()).isEqualTo(SepaErrorCode.UNSUPPORTED_MESSAGE));
    }

    @Test
    void refusesInputThatIsNotXmlAtAll() {
        assertThatThrownBy(() -> readText("Datum;Betrag\n2026-01-14;149,90\n"))
                .isInstanceOfSatisfying(SepaException.class, e -> assertThat(e.code()).isEqualTo(SepaErrorCode.MALFORMED_XML));
        assertThatThrownBy(() -> readText(""))
                .isInstanceOfSatisfying(SepaException.class, e -> assertThat(e.code()).isEqualTo(SepaErrorCode.MALFORMED_XML));
    }

    @Test
    void reportsAFailingInputStreamAsReadFailedNotAsBadXml() {
        InputStream failing = new InputStream() {
            private final InputStream start = stream(resource("camt053/minimal/statement.xml").replace("VERSION", "08")
                    .substring(0, 400));

            @Override
            public int read() throws IOException {
                int next = start.read();
                if (next < 0) {
                    throw new IOException("connection reset");
                }
                return next;
            }
        };

        assertThatThrownBy(() -> new CamtReader().read(failing, "sftp://bank/statement.xml", (statement, entry) -> { }))
                .isInstanceOfSatisfying(SepaException.class, e -> assertThat(e.code()).isEqualTo(SepaErrorCode.READ_FAILED))
                .hasMessageContaining("connection reset");
    }

    @Test
    void stopsRecordingAfterTheProblemLimitSoABrokenFileCannotExhaustMemory() {
        StringBuilder text = new StringBuilder("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\">"
                + "<BkToCstmrStmt><Stmt>");
        for (int i = 0; i < CamtReader.MAX_PROBLEMS * 2; i++) {
            text.append("<Ntry><Amt Ccy=\"EUR\">x</Amt><CdtDbtInd>CRDT</CdtDbtInd></Ntry>\n");
        }
        text.append("</Stmt></BkToCstmrStmt></Document>");

        CamtDocument document = readText(text.toString());

        assertThat(document.problems()).hasSize(CamtReader.MAX_PROBLEMS + 1);
        assertThat(document.problems().get(CamtReader.MAX_PROBLEMS).message()).startsWith("reading stopped after 1000");
    }

    private static CamtDocument read(String resource) {
        String origin = resource.split("/")[1];
        return new CamtReader().readAll(stream(resource(resource)), origin);
    }

    private static CamtDocument readText(String text) {
        return new CamtReader().readAll(stream(text), "inline");
    }

    private static String resource(String path) {
        return CamtFixtures.resource(path);
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
